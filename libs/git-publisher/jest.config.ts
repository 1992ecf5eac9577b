export default {
  displayName: "git-publisher",
  preset: "../../jest.preset.js",
};
