export { startOpenAIEmulator } from './server';
export type { OpenAIEmulator, OpenAIEmulatorOptions } from './options';
export { DEFAULT_API_KEY, DEFAULT_MODELS, DEFAULT_TARGET_LANGUAGE } from './options';
export type { CountedFault, FaultSwitches, RateLimitFault } from './faults';
export type { EmulatorStats } from './stats';
export { DEFAULT_PLACEHOLDER_PATTERN } from './placeholders';
export { MARKER_CLOSE, MARKER_OPEN, pseudoTranslate, reverseTranslation } from './translate';
export { countPromptTokens, countTextTokens } from './tokens';
