import * as api from './index';

// The package's runtime surface, pinned: other teams import these names from npm. Changing this list
// is a semver decision, not a refactoring detail.
describe('@zmp-manual/publish-pipeline public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'PIPELINE_STEPS',
      'PipelineError',
      'SETTINGS_ENV_VARS',
      'SettingsError',
      'canonicalLanguageTag',
      'createNotionClient',
      'createProvider',
      'exportProgress',
      'loadSettings',
      'maskSecrets',
      'redactSettings',
      'runExport',
      'runPublish',
      'runTranslate',
      'solutionConfig',
      'translationProgress',
    ]);
  });
});
