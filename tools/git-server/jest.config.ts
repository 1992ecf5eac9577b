export default {
  displayName: "git-server",
  preset: "../../jest.preset.js",
};
