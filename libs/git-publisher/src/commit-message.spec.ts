import { formatCommitMessage, MAX_BODY_PAGES, MAX_SUBJECT_LENGTH } from './commit-message';

describe('formatCommitMessage', () => {
  it('names a single page in the subject and lists it in the body', () => {
    expect(formatCommitMessage({ type: 'docs', solution: 'ZCP', pages: ['Installation'] })).toBe(
      'docs(zcp): update Installation\n\n- Installation',
    );
  });

  it('counts several pages and names as many as fit in the subject', () => {
    const message = formatCommitMessage({
      type: 'docs',
      solution: 'zcp',
      pages: ['Installation', 'Configuration', 'Ports and protocols', 'Troubleshooting'],
    });
    const [subject, blank, ...body] = message.split('\n');
    expect(subject).toBe('docs(zcp): update 4 pages (Installation, Configuration, …)');
    expect(blank).toBe('');
    expect(body).toEqual(['- Installation', '- Configuration', '- Ports and protocols', '- Troubleshooting']);
  });

  it('names every page when they all fit', () => {
    expect(formatCommitMessage({ type: 'docs', solution: 'apim', pages: ['A', 'B'] })).toBe(
      'docs(apim): update 2 pages (A, B)\n\n- A\n- B',
    );
  });

  it('says translate and the languages for i18n', () => {
    expect(formatCommitMessage({ type: 'i18n', solution: 'zcp', pages: ['Intro'], languages: ['ko', 'ja'] })).toBe(
      'i18n(zcp): translate Intro into ko, ja\n\n- Intro',
    );
  });

  it('bounds the subject, keeps titles on one line and caps the body', () => {
    const long = 'A very long page title that goes on and on '.repeat(4);
    const pages = [`Line one\nline two\ttabbed`, ...Array.from({ length: MAX_BODY_PAGES + 4 }, (_, i) => `${long}${i}`)];
    const message = formatCommitMessage({ type: 'docs', solution: 'my solution!', pages });
    const lines = message.split('\n');
    expect(lines[0]!.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
    expect(lines[0]).toBe('docs(my-solution): update 55 pages (Line one line two tabbed, …)');
    expect(lines[2]).toBe('- Line one line two tabbed');
    expect(lines).toHaveLength(2 + MAX_BODY_PAGES + 1);
    expect(lines.at(-1)).toBe('- … and 5 more');
  });

  it('clips a single title that is too long for the subject', () => {
    const title = 'x'.repeat(200);
    const subject = formatCommitMessage({ type: 'docs', solution: 'zcp', pages: [title] }).split('\n')[0]!;
    expect(subject).toHaveLength(MAX_SUBJECT_LENGTH);
    expect(subject.endsWith('x…')).toBe(true);
  });

  it('writes a subject alone when no page is named', () => {
    expect(formatCommitMessage({ type: 'docs', solution: '', pages: [] })).toBe('docs(manual): update pages');
  });
});
