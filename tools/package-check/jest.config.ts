export default {
  displayName: 'package-check',
  preset: '../../jest.preset.js',
  // Packs the five libraries and installs each into its own empty folder once, for every spec.
  globalSetup: '<rootDir>/src/global-setup.ts',
  globalTeardown: '<rootDir>/src/global-teardown.ts',
};
