export default {
  displayName: 'cli',
  preset: '../../jest.preset.js',
  moduleNameMapper: {
    // @mdx-js/mdx (the pipeline checks translated files with it) reaches estree-walker, whose package exports
    // only an `import` condition, which Jest's CommonJS resolver does not pick: point it at the entry file.
    '^estree-walker$': '<rootDir>/../../node_modules/estree-walker/src/index.js',
    // `demo` loads its module lazily with a `.js` specifier (what Node needs at run time); Jest reads the .ts source.
    '^(\\.{1,2}/.*/demo\\.action)\\.js$': '$1',
  },
  // The integration specs start the emulators and push to a local git server.
  testTimeout: 120000,
};
