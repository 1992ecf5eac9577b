import { memoryKey } from './memory-key';

const base = { text: 'Click ⟦1⟧Save⟦/1⟧', from: 'en', to: 'ko', model: 'gpt-4o-mini', promptVersion: '1', glossary: [{ source: 'Save', target: '저장' }] };

describe('memoryKey', () => {
  it('is stable and changes with every input that changes the translation', () => {
    expect(memoryKey(base)).toBe(memoryKey({ ...base }));
    expect(memoryKey(base)).toMatch(/^[0-9a-f]{40}$/);
    const variants = [
      { text: 'Click ⟦1⟧Store⟦/1⟧' },
      { to: 'ja' },
      { from: 'de' },
      { model: 'gpt-4o' },
      { promptVersion: '2' },
      { glossary: [{ source: 'Save', target: '보관' }] },
      { glossary: [] },
    ];
    const keys = new Set([memoryKey(base), ...variants.map((variant) => memoryKey({ ...base, ...variant }))]);
    expect(keys.size).toBe(variants.length + 1);
  });

  it('does not depend on the order of glossary entries', () => {
    const glossary = [
      { source: 'a', target: 'A' },
      { source: 'b', target: 'B' },
    ];
    expect(memoryKey({ ...base, glossary })).toBe(memoryKey({ ...base, glossary: [...glossary].reverse() }));
  });
});
