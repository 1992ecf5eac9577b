/**
 * What a README tells a new user to do, read the way they would: the `npm install` line, and the example —
 * the first ```js block of the "## Example" section (the rest of that section is prose and further snippets).
 */

/** The "## Example" section: from its heading to the next level-2 heading (or the end). */
export function exampleSection(markdown: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === '## Example');
  if (start < 0) throw new Error('the README has no "## Example" section');
  let end = lines.length;
  let inFence = false;
  for (let i = start + 1; i < lines.length; i += 1) {
    if (lines[i].startsWith('```')) inFence = !inFence;
    if (!inFence && lines[i].startsWith('## ')) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join('\n');
}

/** The code of the first fenced block with the given language in `markdown`. */
export function firstCodeBlock(markdown: string, language: string): string | undefined {
  const lines = markdown.split('\n');
  const open = lines.findIndex((line) => line.trim() === '```' + language);
  if (open < 0) return undefined;
  const close = lines.findIndex((line, i) => i > open && line.trim() === '```');
  if (close < 0) throw new Error(`the \`\`\`${language} block that starts on line ${open + 1} is never closed`);
  return lines.slice(open + 1, close).join('\n') + '\n';
}

/** The README's example, as a script to save and run with node. */
export function readmeExample(markdown: string): string {
  const code = firstCodeBlock(exampleSection(markdown), 'js');
  if (code === undefined) throw new Error('the "## Example" section has no ```js block');
  return code;
}

/** The packages of the README's first `npm install …` line, flags and a trailing `# comment` left out. */
export function readmeInstall(markdown: string): string[] {
  const command = markdown
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /^npm (install|i) /.test(line));
  if (command === undefined) throw new Error('the README has no `npm install …` line');
  return command
    .replace(/\s#.*$/, '')
    .split(/\s+/)
    .slice(2)
    .filter((word) => !word.startsWith('-'));
}
