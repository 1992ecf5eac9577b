export default {
  displayName: "job-events",
  preset: "../../jest.preset.js",
};
