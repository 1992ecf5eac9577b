export default {
  displayName: "openai-emulator",
  preset: "../../jest.preset.js",
};
