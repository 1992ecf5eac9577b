import * as api from './index';

describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_API_KEY',
      'DEFAULT_MODELS',
      'DEFAULT_PLACEHOLDER_PATTERN',
      'DEFAULT_TARGET_LANGUAGE',
      'MARKER_CLOSE',
      'MARKER_OPEN',
      'countPromptTokens',
      'countTextTokens',
      'pseudoTranslate',
      'reverseTranslation',
      'startOpenAIEmulator',
    ]);
  });

  it('has the documented defaults', () => {
    expect(api.DEFAULT_API_KEY).toBe('sk-emulator');
    expect(api.DEFAULT_TARGET_LANGUAGE).toBe('xx');
    expect(api.DEFAULT_MODELS).toEqual(['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-4.1']);
    expect([api.MARKER_OPEN, api.MARKER_CLOSE]).toEqual(['⟪', '⟫']);
  });
});
