export default {
  displayName: "notion-exporter",
  preset: "../../jest.preset.js",
  // estree-walker (used by @mdx-js/mdx, which the tests compile every document with) exports only an
  // `import` condition, which Jest's CommonJS resolver does not pick: point at its entry directly.
  moduleNameMapper: {
    "^estree-walker$": "<rootDir>/../../node_modules/estree-walker/src/index.js",
  },
};
