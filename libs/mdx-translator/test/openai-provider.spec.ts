import OpenAI from 'openai';
import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';
import { countPromptTokens, startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import { ProviderError, createOpenAIProvider, translateMdx } from '../src';
import { systemPrompt, userMessage } from '../src/providers/prompt';

let emulator: OpenAIEmulator;
beforeAll(async () => {
  emulator = await startOpenAIEmulator({ port: 0 });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.stop());

const request = { from: 'en', to: 'ko', segments: [{ id: 's1', text: 'Click ⟦1⟧Save⟦/1⟧' }], glossary: [{ source: 'Save', target: '저장' }] };

/** The global fetch, recording each request body, optionally answering the first calls itself. */
function recordingFetch(first: Response[] = []): typeof fetch & { bodies: Array<Record<string, unknown>> } {
  const bodies: Array<Record<string, unknown>> = [];
  const wrapped = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<Response> => {
    bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    return first.shift() ?? fetch(input, init);
  };
  return Object.assign(wrapped, { bodies });
}

const errorResponse = (status: number): Response =>
  new Response(JSON.stringify({ error: { message: `status ${status}`, type: 'server_error', param: null, code: null } }), { status, headers: { 'content-type': 'application/json', 'retry-after-ms': '10' } });

describe('openai provider', () => {
  it('asks at temperature 0 for strict JSON, sends the glossary, and counts tokens from usage', async () => {
    const recorder = recordingFetch();
    const provider = createOpenAIProvider({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, model: 'gpt-4o', fetch: recorder, maxRetries: 0 });
    const result = await provider.translate(request);

    const body = recorder.bodies[0];
    expect(body).toMatchObject({ model: 'gpt-4o', temperature: 0, response_format: { type: 'json_schema', json_schema: { strict: true } } });
    expect(body.messages).toEqual([
      { role: 'system', content: systemPrompt('en', 'ko', request.glossary) },
      { role: 'user', content: userMessage('ko', request.segments) },
    ]);
    expect(systemPrompt('en', 'ko', request.glossary)).toContain('- Save → 저장');
    expect(result.translations).toEqual([{ id: 's1', text: '⟪ko:Click ⟫⟦1⟧⟪ko:Save⟫⟦/1⟧' }]);
    expect(result.promptTokens).toBe(countPromptTokens([systemPrompt('en', 'ko', request.glossary), userMessage('ko', request.segments)]));
    expect([result.promptTokens, result.completionTokens]).toEqual([emulator.stats().prompt_tokens, emulator.stats().completion_tokens]);
  });

  it.each([408, 409, 500, 503])('retries a %d (the client made here, maxRetries 1)', async (status) => {
    const recorder = recordingFetch([errorResponse(status)]);
    const provider = createOpenAIProvider({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, fetch: recorder, maxRetries: 1 });
    await expect(provider.translate(request)).resolves.toMatchObject({ translations: [{ id: 's1' }] });
    expect(recorder.bodies).toHaveLength(2);
  });

  it('waits for retry-after before retrying a 429', async () => {
    emulator.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 0.3 } });
    const provider = createOpenAIProvider({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 1 });
    const started = Date.now();
    await provider.translate(request);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(emulator.stats().by_status).toEqual({ '200': 1, '429': 1 });
  });

  it('leaves the retry policy of a client the caller made alone', async () => {
    emulator.setFaults({ serverError: { count: 1 } });
    const client = new OpenAI({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 0 });
    const failure = await createOpenAIProvider({ client }).translate(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure).toMatchObject({ code: 'server_error', status: 500, fatal: false });
    expect(emulator.stats().requests).toBe(1);
  });

  it('an abort during a request stops the translation at once, and the emulator sees the client go', async () => {
    emulator.setFaults({ delayMs: 5000 });
    const controller = new AbortController();
    const provider = createOpenAIProvider({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 0 });
    const running = translateMdx({ source: '# Title\n\nA paragraph.\n', to: 'ko', provider, signal: controller.signal });
    while (emulator.stats().requests === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = Date.now();
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'TranslatorError', code: 'aborted' });
    expect(Date.now() - started).toBeLessThan(4000);
    while (emulator.stats().aborted === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(emulator.stats()).toMatchObject({ requests: 1, completions: 0, aborted: 1 });
  });

  it('refuses to start without a key or client, or with a bad retry count', () => {
    expect(() => createOpenAIProvider({})).toThrow(expect.objectContaining({ code: 'invalid_options' }));
    expect(() => createOpenAIProvider({ apiKey: 'k', maxRetries: -1 })).toThrow(expect.objectContaining({ code: 'invalid_options' }));
  });
});
