import OpenAI, {
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from 'openai';
import { ContentFilterFinishReasonError } from 'openai/core/error';
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import {
  DEFAULT_API_KEY,
  DEFAULT_MODELS,
  countTextTokens,
  pseudoTranslate,
  reverseTranslation,
  startOpenAIEmulator,
} from './index';
import type { EmulatorStats, FaultSwitches, OpenAIEmulator } from './index';

const PLACEHOLDER = /⟦[^⟦⟧]*⟧|\{\{[\s\S]*?\}\}|<(?:x|ph)(?:\s[^<>]*)?\/>|<g(?:\s[^<>]*)?>|<\/g\s*>/g;
const placeholdersOf = (text: string): string[] => text.match(PLACEHOLDER) ?? [];

const MODEL = 'gpt-4o-mini';
const SOURCE = 'Click ⟦1⟧ to save {{product}}, then open <g id="2">Settings</g>.';

const SEGMENTS = [
  { id: 's1', text: 'Press ⟦kbd:1⟧ to open the {{app}} menu.' },
  { id: 's2', text: '<g id="1">Bold</g> and <x id="2"/> inline.' },
  { id: 's3', text: 'No placeholders here.' },
];

const SEGMENTS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['segments'],
  properties: {
    segments: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'text'],
        properties: { id: { type: 'string' }, text: { type: 'string' } },
      },
    },
  },
} as const;

interface SegmentsAnswer {
  segments: { id: string; text: string }[];
}

function translationRequest(text: string, lang = 'ko'): ChatCompletionCreateParamsNonStreaming {
  return {
    model: MODEL,
    messages: [
      { role: 'system', content: `You translate technical manuals.\nTarget language: ${lang}` },
      { role: 'user', content: text },
    ],
  };
}

function segmentsRequest(lang = 'ja'): ChatCompletionCreateParamsNonStreaming {
  return {
    model: MODEL,
    messages: [
      { role: 'system', content: 'Translate every segment. Keep every placeholder exactly. Answer in JSON.' },
      { role: 'user', content: JSON.stringify({ target_language: lang, segments: SEGMENTS }) },
    ],
    response_format: { type: 'json_schema', json_schema: { name: 'segments', strict: true, schema: SEGMENTS_SCHEMA } },
  };
}

/** The prompt tokens the emulator is documented to count for `messages` (4 code points a token + overheads). */
function expectedPromptTokens(messages: ChatCompletionMessageParam[]): number {
  return messages.reduce((sum, message) => sum + 3 + countTextTokens(String(message.content)), 3);
}

describe('openai-emulator driven by the real openai client', () => {
  let emulator: OpenAIEmulator;

  const client = (options: { apiKey?: string; maxRetries?: number } = {}) =>
    new OpenAI({ baseURL: emulator.baseURL, apiKey: options.apiKey ?? emulator.apiKey, maxRetries: options.maxRetries ?? 0 });

  async function control<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as T };
  }

  const getStats = async () => (await control<EmulatorStats>('GET', '/__stats')).json;
  const setFaults = (faults: FaultSwitches) => control<FaultSwitches>('POST', '/__faults', faults);

  beforeAll(async () => {
    emulator = await startOpenAIEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(() => {
    emulator.reset();
  });

  it('listens on a free port on loopback', () => {
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator.baseURL).toBe(`${emulator.url}/v1`);
    expect(emulator.apiKey).toBe(DEFAULT_API_KEY);
  });

  it('answers a plain chat completion with a recognisable, reversible translation', async () => {
    const request = translationRequest(SOURCE, 'ko');
    const completion = await client().chat.completions.create(request);

    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe(MODEL);
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.choices).toHaveLength(1);
    const [choice] = completion.choices;
    expect(choice.finish_reason).toBe('stop');
    expect(choice.message.role).toBe('assistant');

    const content = choice.message.content!;
    expect(content).toBe(pseudoTranslate(SOURCE, 'ko'));
    expect(content).toContain('⟪ko:Click ⟫');
    expect(placeholdersOf(content)).toEqual(placeholdersOf(SOURCE));
    expect(reverseTranslation(content, 'ko')).toBe(SOURCE);

    expect(completion.usage).toMatchObject({
      prompt_tokens: expectedPromptTokens(request.messages),
      completion_tokens: countTextTokens(content),
      total_tokens: expectedPromptTokens(request.messages) + countTextTokens(content),
    });
  });

  it('lists its models', async () => {
    const models = await client().models.list();
    expect(models.data.map((model) => model.id)).toEqual(DEFAULT_MODELS);
  });

  it('answers response_format json_schema with the segments translated and every placeholder kept', async () => {
    const completion = await client().chat.completions.create(segmentsRequest('ja'));
    const content = completion.choices[0].message.content!;
    const answer = JSON.parse(content) as SegmentsAnswer;

    expect(answer.segments.map((segment) => segment.id)).toEqual(SEGMENTS.map((segment) => segment.id));
    answer.segments.forEach((segment, index) => {
      const source = SEGMENTS[index].text;
      expect(segment.text).not.toBe(source);
      expect(segment.text).toContain('⟪ja:');
      expect(placeholdersOf(segment.text)).toEqual(placeholdersOf(source));
      expect(reverseTranslation(segment.text, 'ja')).toBe(source);
    });
  });

  it('works with the client helper chat.completions.parse for a json_schema format', async () => {
    const completion = await client().chat.completions.parse(segmentsRequest('de'));
    const parsed = completion.choices[0].message.parsed as SegmentsAnswer | null;
    expect(parsed?.segments.map((segment) => reverseTranslation(segment.text, 'de'))).toEqual(
      SEGMENTS.map((segment) => segment.text),
    );
  });

  it.each([
    ['no schema', undefined, "a 'schema' must be provided"],
    ['a root that is not an object', { type: 'array', items: { type: 'string' } }, `type: "object"`],
    [
      'an object without additionalProperties: false',
      { ...SEGMENTS_SCHEMA, properties: { segments: { ...SEGMENTS_SCHEMA.properties.segments, items: { ...SEGMENTS_SCHEMA.properties.segments.items, additionalProperties: true } } } },
      "context=('properties', 'segments', 'items'), 'additionalProperties' is required",
    ],
    ['required missing a key', { ...SEGMENTS_SCHEMA, required: [] }, "Missing 'segments'"],
  ])('refuses a strict json_schema with %s (400, param response_format)', async (_case, schema, detail) => {
    const request = segmentsRequest();
    const error = await client()
      .chat.completions.create({
        ...request,
        response_format: { type: 'json_schema', json_schema: { name: 'bad_one', strict: true, schema: schema as Record<string, unknown> } },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    const bad = error as BadRequestError;
    expect(bad.type).toBe('invalid_request_error');
    expect(bad.param).toBe('response_format');
    expect(bad.message).toContain("Invalid schema for response_format 'bad_one': ");
    expect(bad.message).toContain(detail);
    // Not strict: the same schema is accepted.
    const loose = await client().chat.completions.create({
      ...request,
      response_format: { type: 'json_schema', json_schema: { name: 'bad_one', strict: false, schema: schema as Record<string, unknown> } },
    });
    expect(loose.choices[0].finish_reason).toBe('stop');
  });

  it('finds the segments payload after instructions or inside a ```json fence in the user message', async () => {
    const payload = JSON.stringify({ target_language: 'ja', segments: SEGMENTS }, null, 2);
    for (const content of [`Translate the segments below.\n${payload}`, `Input:\n\`\`\`json\n${payload}\n\`\`\`\n`]) {
      const request = segmentsRequest('ja');
      const completion = await client().chat.completions.create({
        ...request,
        messages: [request.messages[0], { role: 'user', content }],
      });
      const answer = JSON.parse(completion.choices[0].message.content!) as SegmentsAnswer;
      expect(answer.segments.map((segment) => reverseTranslation(segment.text, 'ja'))).toEqual(SEGMENTS.map((s) => s.text));
    }
  });

  it('follows a strict schema that names the list, id and text differently', async () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['translations'],
      properties: {
        translations: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['segment_id', 'translation'],
            properties: { segment_id: { type: 'string' }, translation: { type: 'string' } },
          },
        },
      },
    };
    const completion = await client().chat.completions.parse({
      ...segmentsRequest('ko'),
      response_format: { type: 'json_schema', json_schema: { name: 'translations', strict: true, schema } },
    });
    const parsed = completion.choices[0].message.parsed as unknown as { translations: { segment_id: string; translation: string }[] };
    expect(parsed.translations.map((item) => item.segment_id)).toEqual(SEGMENTS.map((segment) => segment.id));
    expect(parsed.translations.map((item) => reverseTranslation(item.translation, 'ko'))).toEqual(
      SEGMENTS.map((segment) => segment.text),
    );
  });

  it('answers 500 naming its answer format when it cannot follow a strict schema', async () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['result', 'confidence'],
      properties: { result: { type: 'string' }, confidence: { type: 'number' } },
    };
    const error = await client()
      .chat.completions.create({
        ...segmentsRequest(),
        response_format: { type: 'json_schema', json_schema: { name: 'other', strict: true, schema } },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).message).toContain('{"segments":[{"id","text"}]}');
    expect((error as InternalServerError).message).toContain("json_schema 'other'");
  });

  it('puts a plain translation in the one string property of a strict schema', async () => {
    const schema = { type: 'object', additionalProperties: false, required: ['translated'], properties: { translated: { type: 'string' } } };
    const completion = await client().chat.completions.create({
      ...translationRequest('Hello ⟦1⟧', 'ko'),
      response_format: { type: 'json_schema', json_schema: { name: 'plain', strict: true, schema } },
    });
    expect(JSON.parse(completion.choices[0].message.content!)).toEqual({ translated: '⟪ko:Hello ⟫⟦1⟧' });
  });

  it('streams the same content in several chunks and ends with a usage chunk', async () => {
    const request = translationRequest(SOURCE, 'ko');
    const whole = await client().chat.completions.create(request);

    const stream = await client().chat.completions.create({
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    const finishReasons: string[] = [];
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      for (const choice of chunk.choices) {
        if (choice.delta.content) deltas.push(choice.delta.content);
        if (choice.finish_reason) finishReasons.push(choice.finish_reason);
      }
    }

    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(whole.choices[0].message.content);
    expect(reverseTranslation(deltas.join(''), 'ko')).toBe(SOURCE);
    expect(finishReasons).toEqual(['stop']);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.id === chunks[0].id)).toBe(true);

    const last = chunks[chunks.length - 1];
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({
      prompt_tokens: whole.usage!.prompt_tokens,
      completion_tokens: whole.usage!.completion_tokens,
      total_tokens: whole.usage!.total_tokens,
    });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('sends no usage chunk when the stream does not ask for it', async () => {
    const stream = await client().chat.completions.create({ ...translationRequest('Hello'), stream: true });
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((chunk) => chunk.choices.length === 1 && chunk.usage === undefined)).toBe(true);
  });

  it('refuses a wrong API key with 401 (AuthenticationError)', async () => {
    const error = await client({ apiKey: 'sk-wrong-key-123456' })
      .chat.completions.create(translationRequest('Hello'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).code).toBe('invalid_api_key');
    expect(await getStats()).toMatchObject({ requests: 1, completions: 0, by_status: { '401': 1 } });
  });

  it('refuses an unknown model with 404 and a bad body with 400', async () => {
    await expect(client().chat.completions.create({ ...translationRequest('Hello'), model: 'gpt-9' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(client().chat.completions.create({ model: MODEL, messages: [] })).rejects.toBeInstanceOf(BadRequestError);
  });

  it('answers 429 with retry-after on the rateLimit switch (no retries: RateLimitError)', async () => {
    const set = await setFaults({ rateLimit: { count: 1, retryAfterSeconds: 3 } });
    expect(set).toEqual({ status: 200, json: { rateLimit: { count: 1, retryAfterSeconds: 3 } } });

    const error = await client({ maxRetries: 0 })
      .chat.completions.create(translationRequest('Hello'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    const rateLimit = error as RateLimitError;
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.code).toBe('rate_limit_exceeded');
    expect(rateLimit.headers.get('retry-after')).toBe('3');
    expect(rateLimit.headers.get('retry-after-ms')).toBe('3000');
    expect(rateLimit.headers.get('x-ratelimit-limit-requests')).toBe('500');
    expect(rateLimit.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(rateLimit.headers.get('x-ratelimit-reset-requests')).toBe('3s');
    expect(rateLimit.requestID).toMatch(/^req_/);

    // The switch hit one request only.
    const next = await client({ maxRetries: 0 }).chat.completions.create(translationRequest('Hello'));
    expect(next.choices[0].finish_reason).toBe('stop');
    expect(await getStats()).toMatchObject({ requests: 2, completions: 1, by_status: { '429': 1, '200': 1 } });
  });

  it('lets a client with maxRetries honour retry-after and succeed', async () => {
    // 1.5 s is well above the client's own first backoff (~0.5 s), so the wait proves the header was read.
    await setFaults({ rateLimit: { count: 1, retryAfterSeconds: 1.5 } });
    const started = Date.now();
    const completion = await client({ maxRetries: 1 }).chat.completions.create(translationRequest(SOURCE, 'ko'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(reverseTranslation(completion.choices[0].message.content!, 'ko')).toBe(SOURCE);
    expect(await getStats()).toMatchObject({ requests: 2, completions: 1, by_status: { '429': 1, '200': 1 } });
  });

  it('answers 429 insufficient_quota with no retry-after on the insufficientQuota switch', async () => {
    await setFaults({ insufficientQuota: { count: 1 } });
    const error = await client({ maxRetries: 0 })
      .chat.completions.create(translationRequest('Hello'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    const quota = error as RateLimitError;
    expect(quota.status).toBe(429);
    expect(quota.code).toBe('insufficient_quota');
    expect(quota.type).toBe('insufficient_quota');
    expect(quota.message).toContain('You exceeded your current quota, please check your plan and billing details.');
    expect(quota.headers.get('retry-after')).toBeNull();
    expect(quota.headers.get('retry-after-ms')).toBeNull();
    expect(emulator.faults()).toEqual({});
  });

  it('sends x-request-id on every answer', async () => {
    const completion = await client().chat.completions.create(translationRequest('Hello'));
    expect(completion._request_id).toMatch(/^req_emu\d+$/);
    const second = await client().chat.completions.create(translationRequest('Hello'));
    expect(second._request_id).not.toBe(completion._request_id);
    const error = await client({ apiKey: 'sk-wrong-key-123456' })
      .models.list()
      .catch((caught: unknown) => caught);
    expect((error as AuthenticationError).requestID).toMatch(/^req_emu\d+$/);
  });

  it('answers a refusal on the refusal switch: content null, message.refusal set, finish_reason stop', async () => {
    emulator.setFaults({ refusal: { count: 2 } });
    const completion = await client().chat.completions.parse(segmentsRequest());
    const [choice] = completion.choices;
    expect(choice.finish_reason).toBe('stop');
    expect(choice.message.content).toBeNull();
    expect(choice.message.refusal).toBe('I can’t help with that.');
    expect(choice.message.parsed).toBeNull();
    expect(completion.usage!.completion_tokens).toBe(countTextTokens('I can’t help with that.'));

    const stream = await client().chat.completions.create({ ...translationRequest('Hello'), stream: true });
    let refusal = '';
    let content = '';
    const finishReasons: string[] = [];
    for await (const chunk of stream) {
      for (const item of chunk.choices) {
        refusal += item.delta.refusal ?? '';
        content += item.delta.content ?? '';
        if (item.finish_reason) finishReasons.push(item.finish_reason);
      }
    }
    expect({ refusal, content, finishReasons }).toEqual({ refusal: 'I can’t help with that.', content: '', finishReasons: ['stop'] });
    expect((await client().chat.completions.create(translationRequest('Hello'))).choices[0].message.refusal).toBeNull();
  });

  it('blocks the answer on the contentFilter switch, so chat.completions.parse throws ContentFilterFinishReasonError', async () => {
    emulator.setFaults({ contentFilter: { count: 2 } });
    await expect(client().chat.completions.parse(segmentsRequest())).rejects.toBeInstanceOf(ContentFilterFinishReasonError);
    const completion = await client().chat.completions.create(translationRequest('Hello'));
    expect(completion.choices[0].finish_reason).toBe('content_filter');
    expect(completion.choices[0].message.content).toBeNull();
    expect(emulator.faults()).toEqual({});
  });

  it('answers 500 on the serverError switch (InternalServerError)', async () => {
    await setFaults({ serverError: { count: 1 } });
    const error = await client({ maxRetries: 0 })
      .chat.completions.create(translationRequest('Hello'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(500);
    expect(await getStats()).toMatchObject({ requests: 1, completions: 0, by_status: { '500': 1 } });
  });

  it('cuts the answer with finish_reason length on the truncate switch', async () => {
    const full = pseudoTranslate(SOURCE, 'ko');
    await setFaults({ truncate: { count: 1 } });
    const completion = await client().chat.completions.create(translationRequest(SOURCE, 'ko'));
    const content = completion.choices[0].message.content!;
    expect(completion.choices[0].finish_reason).toBe('length');
    expect(content.length).toBeGreaterThan(0);
    expect(content.length).toBeLessThan(full.length);
    expect(full.startsWith(content)).toBe(true);
    expect(completion.usage!.completion_tokens).toBe(countTextTokens(content));
  });

  it('makes a truncated json_schema answer unparsable', async () => {
    emulator.setFaults({ truncate: { count: 1 } });
    const completion = await client().chat.completions.create(segmentsRequest());
    expect(completion.choices[0].finish_reason).toBe('length');
    expect(() => JSON.parse(completion.choices[0].message.content!)).toThrow(SyntaxError);
  });

  it('refuses max_tokens below 1 as OpenAI does, and answers 404 for a malformed model id', async () => {
    const error = await client()
      .chat.completions.create({ ...translationRequest(SOURCE), max_tokens: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).code).toBe('integer_below_min_value');
    expect((error as BadRequestError).param).toBe('max_tokens');
    const raw = await fetch(`${emulator.url}/v1/models/%E0%A4%A`, { headers: { authorization: `Bearer ${emulator.apiKey}` } });
    expect(raw.status).toBe(404);
  });

  it('stops at max_tokens with finish_reason length', async () => {
    const completion = await client().chat.completions.create({ ...translationRequest(SOURCE), max_tokens: 2 });
    expect(completion.choices[0].finish_reason).toBe('length');
    expect(completion.choices[0].message.content).toHaveLength(8);
    expect(completion.usage!.completion_tokens).toBe(2);
  });

  it.each([
    ['dropPlaceholder', -1],
    ['duplicatePlaceholder', 1],
  ] as const)('%s changes the placeholder count of every segment that has one', async (fault, delta) => {
    emulator.setFaults({ [fault]: { count: 1 } });
    const spoiled = await client().chat.completions.create(segmentsRequest());
    const answer = JSON.parse(spoiled.choices[0].message.content!) as SegmentsAnswer;
    answer.segments.forEach((segment, index) => {
      const source = SEGMENTS[index].text;
      const expected = placeholdersOf(source).length === 0 ? 0 : placeholdersOf(source).length + delta;
      expect(placeholdersOf(segment.text)).toHaveLength(expected);
    });
    expect(reverseTranslation(answer.segments[0].text, 'ja')).not.toBe(SEGMENTS[0].text);

    // One request only: the next answer is clean again.
    const clean = await client().chat.completions.create(segmentsRequest());
    const cleanAnswer = JSON.parse(clean.choices[0].message.content!) as SegmentsAnswer;
    expect(cleanAnswer.segments.map((segment) => placeholdersOf(segment.text))).toEqual(
      SEGMENTS.map((segment) => placeholdersOf(segment.text)),
    );
  });

  it('holds answers back on delayMs, and counts a request the client gave up on as aborted', async () => {
    emulator.setFaults({ delayMs: 60_000 });
    const controller = new AbortController();
    const pending = client().chat.completions.create(translationRequest('Hello'), { signal: controller.signal });
    // Abort only once the emulator has the request (a fixed wait can fire before it arrives on a slow machine).
    for (let tries = 0; emulator.stats().requests === 0 && tries < 500; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(emulator.stats().requests).toBe(1);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);

    let stats = await getStats();
    for (let tries = 0; stats.aborted === 0 && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      stats = await getStats();
    }
    expect(stats).toMatchObject({ requests: 1, completions: 0, aborted: 1 });
  });

  it('counts requests and the same prompt/completion tokens the client saw in GET /__stats', async () => {
    const first = await client().chat.completions.create(translationRequest(SOURCE));
    const second = await client().chat.completions.create(segmentsRequest());
    let streamedUsage: OpenAI.CompletionUsage | null | undefined;
    const stream = await client().chat.completions.create({
      ...translationRequest('A streamed sentence.'),
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const chunk of stream) if (chunk.usage) streamedUsage = chunk.usage;
    await control('GET', '/__faults');

    const usages = [first.usage!, second.usage!, streamedUsage!];
    const stats = await getStats();
    expect(stats).toEqual({
      requests: 3,
      completions: 3,
      prompt_tokens: usages.reduce((sum, usage) => sum + usage.prompt_tokens, 0),
      completion_tokens: usages.reduce((sum, usage) => sum + usage.completion_tokens, 0),
      by_status: { '200': 3 },
      aborted: 0,
    });
    expect(stats.prompt_tokens).toBeGreaterThan(0);
    expect(stats.completion_tokens).toBeGreaterThan(0);
    expect(emulator.stats()).toEqual(stats);
  });

  it('POST /__reset zeroes the stats and turns every fault off', async () => {
    await client().chat.completions.create(translationRequest('Hello'));
    await setFaults({ serverError: { count: 5 }, truncate: { count: 2 } });
    expect((await control<FaultSwitches>('GET', '/__faults')).json).toEqual({ serverError: { count: 5 }, truncate: { count: 2 } });

    const reset = await control<{ stats: EmulatorStats; faults: FaultSwitches }>('POST', '/__reset');
    expect(reset.status).toBe(200);
    expect(reset.json.faults).toEqual({});
    expect(reset.json.stats).toMatchObject({ requests: 0, completions: 0, prompt_tokens: 0, completion_tokens: 0 });
    expect(await getStats()).toMatchObject({ requests: 0, completions: 0, prompt_tokens: 0, completion_tokens: 0 });

    const completion = await client().chat.completions.create(translationRequest('Hello'));
    expect(completion.choices[0].finish_reason).toBe('stop');
  });

  it('refuses a bad fault switch on POST /__faults with 400 and keeps the current switches', async () => {
    emulator.setFaults({ truncate: { count: 1 } });
    const refused = await control<{ error: { message: string } }>('POST', '/__faults', { truncate: { count: -2 } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain('faults.truncate.count');
    expect(emulator.faults()).toEqual({ truncate: { count: 1 } });
  });
});

describe('openai-emulator keep-alive after an early error answer', () => {
  it('answers the next request on the same client after a 413 (body too large)', async () => {
    const emulator = await startOpenAIEmulator({ maxBodyBytes: 4096 });
    try {
      const openai = new OpenAI({ baseURL: emulator.baseURL, apiKey: emulator.apiKey, maxRetries: 0 });
      const big = { model: MODEL, messages: [{ role: 'user' as const, content: 'x'.repeat(200_000) }] };
      const error = await openai.chat.completions.create(big).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(APIError);
      expect((error as APIError).status).toBe(413);
      expect((error as APIError).headers?.get('connection')).toBe('close');
      for (let round = 0; round < 3; round += 1) {
        const completion = await openai.chat.completions.create(translationRequest('Hello'));
        expect(completion.choices[0].message.content).toBe('⟪ko:Hello⟫');
      }
      expect(emulator.stats()).toMatchObject({ requests: 4, completions: 3, by_status: { '413': 1, '200': 3 } });
    } finally {
      await emulator.stop();
    }
  });
});

describe('openai-emulator options', () => {
  it('takes its key, models, default language and initial faults from the options', async () => {
    const emulator = await startOpenAIEmulator({
      apiKey: 'sk-custom',
      models: ['local-model'],
      defaultTargetLanguage: 'fr',
      faults: { serverError: { count: 1 } },
    });
    try {
      const openai = new OpenAI({ baseURL: emulator.baseURL, apiKey: 'sk-custom', maxRetries: 0 });
      const request = { model: 'local-model', messages: [{ role: 'user' as const, content: 'Hello ⟦1⟧' }] };
      await expect(openai.chat.completions.create(request)).rejects.toBeInstanceOf(InternalServerError);
      const completion = await openai.chat.completions.create(request);
      expect(completion.choices[0].message.content).toBe('⟪fr:Hello ⟫⟦1⟧');
      await expect(openai.chat.completions.create({ ...request, model: MODEL })).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await emulator.stop();
    }
  });

  it('refuses bad options', async () => {
    await expect(startOpenAIEmulator({ defaultTargetLanguage: 'not a language' })).rejects.toThrow(TypeError);
    await expect(startOpenAIEmulator({ port: 70000 })).rejects.toThrow(TypeError);
    await expect(startOpenAIEmulator({ apiKey: '' })).rejects.toThrow(TypeError);
  });

  it('stops: the port no longer answers', async () => {
    const emulator = await startOpenAIEmulator();
    await emulator.stop();
    await expect(fetch(`${emulator.url}/__stats`)).rejects.toThrow();
  });
});
