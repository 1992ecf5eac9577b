// Shared Jest preset for every project in the workspace.
//
// Two things make it more than a one-liner (see ../shared/STACK.md):
// - The unified/remark/micromark family is published as ESM only. Node >= 20.19 loads it from CommonJS
//   through require(esm), but Jest's module system does not, so those packages are sent through @swc/jest
//   and turned into CommonJS like our own sources. Every other file in node_modules is left alone.
// - Workspace packages are resolved to their TypeScript sources (tsconfig.base.json "paths"), so a test
//   never needs another project to be built first.
const path = require('node:path');
const { readdirSync, readFileSync } = require('node:fs');

const workspaceRoot = __dirname;

/**
 * The packages in node_modules (and one level of nesting) that are ESM only ("type": "module"): the
 * unified/remark/micromark/mdast/unist/vfile family and their small helpers. Found by reading their
 * package.json files, so a new remark plugin or a nested copy (escape-string-regexp, …) is covered
 * without editing a list.
 */
function esmOnlyPackages(nodeModules, depth = 0) {
  const names = new Set();
  let entries = [];
  try {
    entries = readdirSync(nodeModules, { withFileTypes: true });
  } catch {
    return names;
  }
  const visit = (dir, name) => {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.type === 'module') names.add(name);
    } catch {
      // not a package
    }
    if (depth === 0) for (const nested of esmOnlyPackages(path.join(dir, 'node_modules'), 1)) names.add(nested);
  };
  for (const entry of entries) {
    if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
    if (entry.name.startsWith('@')) {
      for (const scoped of readdirSync(path.join(nodeModules, entry.name))) {
        visit(path.join(nodeModules, entry.name, scoped), `${entry.name}/${scoped}`);
      }
    } else if (!entry.name.startsWith('.')) {
      visit(path.join(nodeModules, entry.name), entry.name);
    }
  }
  return names;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const esmPattern = [...esmOnlyPackages(path.join(workspaceRoot, 'node_modules'))].sort().map(escapeRegExp).join('|');

const { compilerOptions } = JSON.parse(readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [target]]) => [
    `^${name.replace(/[/.]/g, '\\$&')}$`,
    path.join(workspaceRoot, target),
  ]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  // Ignore a file when its innermost node_modules package is not one of the ESM-only ones.
  transformIgnorePatterns: [`/node_modules/(?!(?:${esmPattern})/)(?!.*/node_modules/)`],
  moduleNameMapper,
  testTimeout: 30000,
};
