export default {
  displayName: "docusaurus-writer",
  preset: "../../jest.preset.js",
};
