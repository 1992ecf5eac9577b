import { createPseudoProvider, pseudoLocalize } from './pseudo.provider';

describe('pseudo provider', () => {
  it('changes letters, keeps placeholders, digits and punctuation, adds no syntax', () => {
    const text = 'Click ⟦1⟧Save⟦/1⟧ in 2 steps: ⟦2⟧.';
    const french = pseudoLocalize(text, 'fr');
    expect(french).toBe('Çĺíçķ ⟦1⟧Šáṽé⟦/1⟧ íñ 2 šţéþš: ⟦2⟧.');
    expect(french).not.toMatch(/[{}<>*_`[\]#]/);
  });

  it('writes Arabic letters for right-to-left languages', () => {
    expect(pseudoLocalize('Save ⟦1⟧', 'ar')).toMatch(/^[\u0600-\u06ff]{4} ⟦1⟧$/);
  });

  it('answers every segment, deterministically, counting no tokens', async () => {
    const provider = createPseudoProvider();
    const request = { from: 'en', to: 'de', segments: [{ id: 's1', text: 'One' }, { id: 's2', text: 'Two' }], glossary: [] };
    const first = await provider.translate(request);
    expect(first).toEqual(await provider.translate(request));
    expect(first).toEqual({ translations: [{ id: 's1', text: 'Öñé' }, { id: 's2', text: 'Ţŵö' }], promptTokens: 0, completionTokens: 0 });
  });
});
