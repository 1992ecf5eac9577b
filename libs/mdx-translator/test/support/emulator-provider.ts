import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';
import type { TranslationProvider } from '../../src';
import { createOpenAIProvider } from '../../src';

/** The openai provider pointed at the emulator; `maxRetries` is the client's own retries (0 by default here). */
export function emulatorProvider(emulator: OpenAIEmulator, maxRetries = 0): TranslationProvider {
  return createOpenAIProvider({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries });
}
