import { buildAnswer } from './answer';
import type { AnswerSettings } from './answer';
import type { ChatRequest } from './chat-request';
import type { AnswerFaults } from './faults';
import { DEFAULT_PLACEHOLDER_PATTERN } from './placeholders';

const settings: AnswerSettings = { placeholderPattern: DEFAULT_PLACEHOLDER_PATTERN, defaultTargetLanguage: 'xx' };
const noFaults: AnswerFaults = { truncate: false, mutation: undefined };

function request(overrides: Partial<ChatRequest> & { user: string; system?: string }): ChatRequest {
  const { user, system, ...rest } = overrides;
  return {
    model: 'gpt-4o-mini',
    messages: [...(system === undefined ? [] : [{ role: 'system' as const, text: system }]), { role: 'user', text: user }],
    responseFormat: { type: 'text' },
    stream: false,
    includeUsage: false,
    maxTokens: undefined,
    ...rest,
  };
}

function answer(chat: ChatRequest, faults: AnswerFaults = noFaults) {
  return buildAnswer(chat, chat.messages[chat.messages.length - 1], settings, faults);
}

describe('buildAnswer', () => {
  it('translates a plain text into the language of the "Target language:" line', () => {
    expect(answer(request({ system: 'Target language: ko', user: 'Save ⟦1⟧' }))).toEqual({
      content: '⟪ko:Save ⟫⟦1⟧',
      refusal: null,
      finishReason: 'stop',
      targetLanguage: 'ko',
    });
  });

  it('falls back to the default target language', () => {
    expect(answer(request({ user: 'Save' })).content).toBe('⟪xx:Save⟫');
  });

  it('answers the segments payload with the same ids, preferring its target_language', () => {
    const user = JSON.stringify({ target_language: 'ja', segments: [{ id: 'a', text: 'One {{x}}' }, { id: 7, text: '42' }] });
    const result = answer(request({ system: 'Target language: ko', user }));
    expect(JSON.parse(result.content)).toEqual({
      segments: [
        { id: 'a', text: '⟪ja:One ⟫{{x}}' },
        { id: 7, text: '42' },
      ],
    });
    expect(result.targetLanguage).toBe('ja');
  });

  it('wraps a plain text in {"text": …} when JSON output is asked for', () => {
    const chat = request({ user: 'Hello', responseFormat: { type: 'json_object' } });
    expect(JSON.parse(answer(chat).content)).toEqual({ text: '⟪xx:Hello⟫' });
  });

  it('drops or duplicates the first placeholder of each text on a mutation fault', () => {
    const user = JSON.stringify({ segments: [{ id: 1, text: 'a ⟦1⟧ b ⟦2⟧' }, { id: 2, text: 'c ⟦3⟧' }] });
    const dropped = JSON.parse(answer(request({ user }), { truncate: false, mutation: 'drop' }).content);
    expect(dropped.segments.map((s: { text: string }) => s.text)).toEqual(['⟪xx:a ⟫⟪xx: b ⟫⟦2⟧', '⟪xx:c ⟫']);
    const doubled = JSON.parse(answer(request({ user }), { truncate: false, mutation: 'duplicate' }).content);
    expect(doubled.segments.map((s: { text: string }) => s.text)).toEqual(['⟪xx:a ⟫⟦1⟧⟦1⟧⟪xx: b ⟫⟦2⟧', '⟪xx:c ⟫⟦3⟧⟦3⟧']);
  });

  it('cuts the content in half with finish_reason length on the truncate fault', () => {
    const full = answer(request({ user: 'A sentence long enough to be cut.' })).content;
    const cut = answer(request({ user: 'A sentence long enough to be cut.' }), { truncate: true, mutation: undefined });
    expect(cut.finishReason).toBe('length');
    expect(cut.content).toBe(Array.from(full).slice(0, Math.floor(Array.from(full).length / 2)).join(''));
  });

  it('stops at max_tokens with finish_reason length', () => {
    const cut = answer(request({ user: 'A sentence long enough to be cut.', maxTokens: 3 }));
    expect(cut).toMatchObject({ finishReason: 'length' });
    expect(cut.content).toHaveLength(12);
    expect(answer(request({ user: 'Hi', maxTokens: 100 })).finishReason).toBe('stop');
  });
});
