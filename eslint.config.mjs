import nx from '@nx/eslint-plugin';

// Architectural rules (../shared/CONVENTIONS.md §1): libraries are framework-free and depend only on
// libraries; apps and tools sit on top. Tags live in each project.json.
const frameworkImports = ['@nestjs/*', 'bull', 'bullmq', '@nx/*', 'nx'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/coverage', '**/.nx', '**/fixtures/**/*.json'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:lib',
              onlyDependOnLibsWithTags: ['type:lib'],
              bannedExternalImports: frameworkImports,
            },
            {
              // Internal libraries the apps share (queue contract, config helpers): never published, may use
              // bull but not NestJS, depend only on published libraries.
              sourceTag: 'type:app-lib',
              onlyDependOnLibsWithTags: ['type:lib'],
              bannedExternalImports: ['@nestjs/*', '@nx/*', 'nx'],
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:app-lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
          ],
        },
      ],
    },
  },
  {
    // A library's own tests may drive it through the local emulators in tools/ (real HTTP, real git):
    // that dependency never reaches the published package, whose build excludes specs and test/.
    files: ['libs/**/*.spec.ts', 'libs/**/test/**/*.ts'],
    ignores: ['libs/app-config/**', 'libs/queue-contract/**'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:lib',
              onlyDependOnLibsWithTags: ['type:lib', 'type:tool'],
              bannedExternalImports: frameworkImports,
            },
          ],
        },
      ],
    },
  },
  {
    // An app's integration tests boot it against the local emulators in tools/ (real HTTP, real git), and
    // the CLI's `demo` command starts those emulators in-process (docs/decisions/0004).
    files: ['apps/**/*.spec.ts', 'apps/**/test/**/*.ts', 'apps/cli/src/demo/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [{ sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:app-lib', 'type:tool'] }],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // NestJS resolves constructor parameters through emitted decorator metadata, which needs the runtime
    // class reference: a type-only import would silently break dependency injection.
    files: ['apps/api/**/*.ts', 'apps/worker/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
