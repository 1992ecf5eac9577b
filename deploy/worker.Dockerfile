# syntax=docker/dockerfile:1.7
# The zmp-manual worker. Build from the repository root:
#   docker build -f deploy/worker.Dockerfile -t zmp-manual-worker:0.1.0 .
# Same layout as api.Dockerfile. No `git` binary: git-publisher uses isomorphic-git (pure JavaScript, pushes
# over HTTPS), and nothing in the worker spawns a process. WORKER_DATA_DIR is a volume (working copies,
# exporter state, translation memory), writable by the non-root user.

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true CI=true
COPY . .
RUN npm install --no-audit --no-fund
RUN npx nx run-many -t build -p worker --outputStyle=static
RUN node deploy/docker/pack-runtime.mjs worker /out

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=build /out/package.json ./package.json
COPY --from=build /out/packs ./packs
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production WORKER_DATA_DIR=/data WORKER_HEALTH_PORT=8081
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/package.json ./package.json
COPY --from=build /out/dist ./dist
RUN mkdir -p /data && chown 1000:1000 /data
VOLUME ["/data"]
# The `node` user of the official image (uid 1000); numeric so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 8081
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.WORKER_HEALTH_PORT || 8081) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
