export default {
  displayName: 'oidc-emulator',
  preset: '../../jest.preset.js',
};
