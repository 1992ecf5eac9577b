export default {
  displayName: "queue-contract",
  preset: "../../jest.preset.js",
};
