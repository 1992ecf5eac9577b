export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  // Unit and in-process specs only; the process-level suite in test/ runs with jest.e2e.config.ts (`nx run api:e2e`).
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
