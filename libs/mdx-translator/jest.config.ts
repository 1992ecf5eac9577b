export default {
  displayName: "mdx-translator",
  preset: "../../jest.preset.js",
};
