import type { ChatMessage } from './chat-request';
import { findTargetLanguageLine, lastUserMessage, readSegmentsPayload } from './prompt-reader';

describe('findTargetLanguageLine', () => {
  it('reads a "Target language: <code>" line, case-insensitively', () => {
    const messages: ChatMessage[] = [
      { role: 'system', content: 'You are a translator.\n  TARGET LANGUAGE: zh-Hans\nKeep placeholders.' },
    ].map(({ role, content }) => ({ role: role as ChatMessage['role'], text: content }));
    expect(findTargetLanguageLine(messages)).toBe('zh-Hans');
  });

  it('lets the latest system, developer or user message win, and ignores assistant messages', () => {
    const messages: ChatMessage[] = [
      { role: 'system', text: 'Target language: ko' },
      { role: 'developer', text: 'Target language: ja\nTarget language: de' },
      { role: 'assistant', text: 'Target language: fr' },
      { role: 'user', text: 'Hello' },
    ];
    expect(findTargetLanguageLine(messages)).toBe('de');
  });

  it('needs the line to start with the phrase', () => {
    expect(findTargetLanguageLine([{ role: 'system', text: 'The target language: ko is implied' }])).toBeUndefined();
    expect(findTargetLanguageLine([{ role: 'user', text: 'Translate this.' }])).toBeUndefined();
  });
});

describe('lastUserMessage', () => {
  it('is the last message with the user role', () => {
    const messages: ChatMessage[] = [
      { role: 'user', text: 'first' },
      { role: 'assistant', text: 'answer' },
      { role: 'user', text: 'second' },
      { role: 'assistant', text: 'another' },
    ];
    expect(lastUserMessage(messages)?.text).toBe('second');
    expect(lastUserMessage([{ role: 'system', text: 'x' }])).toBeUndefined();
  });
});

describe('readSegmentsPayload', () => {
  it('reads the segments and the target language', () => {
    const payload = JSON.stringify({
      target_language: 'ko',
      segments: [
        { id: 's1', text: 'Hello ⟦1⟧' },
        { id: 2, text: 'World', note: 'ignored' },
      ],
      extra: true,
    });
    expect(readSegmentsPayload(payload)).toEqual({
      targetLanguage: 'ko',
      segments: [
        { id: 's1', text: 'Hello ⟦1⟧' },
        { id: 2, text: 'World' },
      ],
    });
  });

  it('ignores a target language that is not a language code', () => {
    expect(readSegmentsPayload('{"target_language":"Korean please","segments":[]}')).toEqual({
      targetLanguage: undefined,
      segments: [],
    });
  });

  it('finds the payload after a text prefix', () => {
    const content = 'Translate these segments {carefully}:\n{"target_language":"ja","segments":[{"id":"s1","text":"A } in {braces}"}]}\nThanks.';
    expect(readSegmentsPayload(content)).toEqual({ targetLanguage: 'ja', segments: [{ id: 's1', text: 'A } in {braces}' }] });
  });

  it('finds the payload inside a ```json fence', () => {
    const content = 'Here is the input.\n```json\n{\n  "segments": [{"id": 1, "text": "Say \\"hi\\" {{name}}"}]\n}\n```\n';
    expect(readSegmentsPayload(content)).toEqual({ targetLanguage: undefined, segments: [{ id: 1, text: 'Say "hi" {{name}}' }] });
  });

  it.each([
    'Hello world',
    'Prefix {"items": []} and {"segments": "no"} and {broken',
    '[1, 2]',
    '{"items": []}',
    '{"segments": [{"id": "a"}]}',
    '{"segments": [{"id": true, "text": "x"}]}',
    '{"segments": ["text"]}',
  ])('does not take %j for the payload protocol', (content) => {
    expect(readSegmentsPayload(content)).toBeUndefined();
  });
});
