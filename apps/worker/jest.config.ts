// @mdx-js/mdx (the pipeline compiles every translated file with it) reaches estree-walker, whose package
// exports only an `import` condition, which Jest's CommonJS resolver does not pick: point it at the entry
// file (the preset compiles it). Jest merges this map with the preset's.
export default {
  displayName: 'worker',
  preset: '../../jest.preset.js',
  // Unit and in-process specs only; the process-level suite in test/ runs with jest.e2e.config.ts (`nx run worker:e2e`).
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: {
    '^estree-walker$': '<rootDir>/../../node_modules/estree-walker/src/index.js',
  },
};
