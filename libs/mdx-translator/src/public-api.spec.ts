import * as api from './index';

// The package's runtime surface, pinned: other teams import these names from npm. Changing this list
// is a semver decision, not a refactoring detail.
describe('@zmp-manual/mdx-translator public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_TRANSLATABLE_ATTRIBUTES',
      'FRONT_MATTER_KEYS',
      'LANGUAGES',
      'MemoryStoreError',
      'PROMPT_VERSION',
      'ProviderError',
      'TranslatorError',
      'createFileMemoryStore',
      'createInMemoryStore',
      'createOpenAIProvider',
      'createPseudoProvider',
      'createRequestLimiter',
      'estimateTokens',
      'isLanguageCode',
      'isRtl',
      'memoryKey',
      'parseMdx',
      'pseudoLocalize',
      'slugify',
      'textDirection',
      'translateFiles',
      'translateMdx',
    ]);
  });
});
