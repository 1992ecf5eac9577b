// @mdx-js/mdx (the pipeline compiles every translated file with it) reaches estree-walker, whose package
// exports only an `import` condition, which Jest's CommonJS resolver does not pick: point it at the entry
// file (the preset compiles it). Any project that runs the pipeline under Jest needs the same line.
export default {
  displayName: 'publish-pipeline',
  preset: '../../jest.preset.js',
  moduleNameMapper: {
    '^estree-walker$': '<rootDir>/../../node_modules/estree-walker/src/index.js',
  },
};
