export default {
  displayName: "publish-pipeline",
  preset: "../../jest.preset.js",
};
