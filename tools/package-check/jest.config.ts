export default {
  displayName: "package-check",
  preset: "../../jest.preset.js",
};
