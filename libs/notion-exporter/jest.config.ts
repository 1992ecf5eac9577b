export default {
  displayName: "notion-exporter",
  preset: "../../jest.preset.js",
};
