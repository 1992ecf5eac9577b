// @mdx-js/mdx (used by the tests to compile every translated file) reaches estree-walker, whose package
// exports only an `import` condition; point Jest's CommonJS resolver at its file (the preset compiles
// it). Jest merges this map with the preset's.
export default {
  displayName: 'mdx-translator',
  preset: '../../jest.preset.js',
  moduleNameMapper: {
    '^estree-walker$': '<rootDir>/../../node_modules/estree-walker/src/index.js',
  },
};
