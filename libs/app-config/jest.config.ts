export default {
  displayName: "app-config",
  preset: "../../jest.preset.js",
};
