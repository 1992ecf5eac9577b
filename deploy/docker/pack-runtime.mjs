// Lays out the production package of one app, after `nx build`: `node deploy/docker/pack-runtime.mjs <app> <out>`.
//
// <out>/package.json: the app's runtime dependencies, each external one pinned to the exact version the build
//   installed from package-lock.json, and every @zmp-manual/* library it needs (transitively) as
//   `file:packs/<tarball>`;
// <out>/packs/*.tgz: those libraries, `npm pack`ed (their `files` whitelist: dist and README, no sources or specs);
// <out>/dist: the app's build, plus the non-TypeScript files of src/ (static assets).
// `npm install --omit=dev` in <out> then installs exactly what the app needs at run time.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [app, outArg] = process.argv.slice(2);
if (!app || !outArg) {
  console.error('usage: node deploy/docker/pack-runtime.mjs <api|worker> <out-dir>');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '../..');
const out = resolve(outArg);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Workspace packages by name: { dir, pkg }. */
const workspaces = new Map();
for (const group of ['libs', 'apps', 'tools']) {
  for (const name of readdirSync(join(root, group))) {
    const file = join(root, group, name, 'package.json');
    if (existsSync(file)) workspaces.set(readJson(file).name, { dir: join(root, group, name), pkg: readJson(file) });
  }
}
const appDir = join(root, 'apps', app);
const appPkg = readJson(join(appDir, 'package.json'));
if (!existsSync(join(appDir, 'dist', 'main.js'))) {
  console.error(`apps/${app}/dist/main.js is missing: run \`npx nx run-many -t build -p ${app}\` first`);
  process.exit(1);
}

/** Every workspace library the app needs, following their own dependencies. */
const needed = new Set();
const visit = (deps = {}) => {
  for (const name of Object.keys(deps)) {
    if (!workspaces.has(name) || needed.has(name)) continue;
    needed.add(name);
    visit(workspaces.get(name).pkg.dependencies);
  }
};
visit(appPkg.dependencies);

mkdirSync(join(out, 'packs'), { recursive: true });
const dependencies = {};
for (const name of [...needed].sort()) {
  const { dir } = workspaces.get(name);
  if (!existsSync(join(dir, 'dist'))) {
    console.error(`${name} has no dist/: build it first`);
    process.exit(1);
  }
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', join(out, 'packs')], { cwd: dir, encoding: 'utf8' }));
  dependencies[name] = `file:packs/${packed[0].filename}`;
}
for (const [name, range] of Object.entries(appPkg.dependencies ?? {})) {
  if (workspaces.has(name)) continue;
  const installed = join(root, 'node_modules', name, 'package.json');
  dependencies[name] = existsSync(installed) ? readJson(installed).version : range;
}
const runtime = {
  name: `${appPkg.name}-runtime`,
  version: appPkg.version,
  private: true,
  description: `${appPkg.description} Production layout built by deploy/docker/pack-runtime.mjs.`,
  engines: appPkg.engines,
  main: 'dist/main.js',
  dependencies: Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b))),
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(runtime, null, 2)}\n`);
cpSync(join(appDir, 'dist'), join(out, 'dist'), { recursive: true, filter: (source) => !/\.(spec|d)\.[jt]s(\.map)?$|\.tsbuildinfo$/.test(source) });
// tsc copies no other file: static assets beside the sources (the API's console: src/console/static) go to the
// same place under dist/, where the app looks for them first.
cpSync(join(appDir, 'src'), join(out, 'dist'), {
  recursive: true,
  filter: (source) => !/[/\\]testing$/.test(source) && (statSync(source).isDirectory() || !/\.(ts|md)$/.test(source)),
});
console.log(`${app}: ${needed.size} libraries packed, ${Object.keys(dependencies).length} dependencies -> ${out}`);
