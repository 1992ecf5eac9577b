export default {
  displayName: "notion-emulator",
  preset: "../../jest.preset.js",
};
