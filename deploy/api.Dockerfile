# syntax=docker/dockerfile:1.7
# The zmp-manual API. Build from the repository root:
#   docker build -f deploy/api.Dockerfile -t zmp-manual-api:0.1.0 .
# Layout (docs/operations.md#images): the build stage installs the workspace and runs `nx build`; the
# libraries the app needs are `npm pack`ed (dist + README only) and the runtime stage installs the app's
# production dependencies from those tarballs: no sources, no dev dependencies, no other app's packages.

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true CI=true
COPY . .
RUN npm install --no-audit --no-fund
RUN npx nx run-many -t build -p api --outputStyle=static
RUN node deploy/docker/pack-runtime.mjs api /out

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=build /out/package.json ./package.json
COPY --from=build /out/packs ./packs
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=8000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/package.json ./package.json
COPY --from=build /out/dist ./dist
# The `node` user of the official image (uid 1000); numeric so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
