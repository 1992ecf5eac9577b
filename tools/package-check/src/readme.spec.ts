import { exampleSection, readmeExample, readmeInstall } from './readme';

const README = [
  '# @zmp-manual/thing',
  '',
  '```sh',
  'npm install @zmp-manual/thing ioredis --save # the client too',
  '```',
  '',
  '## Example',
  '',
  'Set `THING_URL` first.',
  '',
  '```sh',
  'export THING_URL=http://127.0.0.1:1',
  '```',
  '',
  '```js',
  "const { thing } = require('@zmp-manual/thing');",
  '## not a heading: inside the block',
  'thing();',
  '```',
  '',
  '```js',
  'secondBlock();',
  '```',
  '',
  '## API',
  '',
  '```js',
  'notTheExample();',
  '```',
].join('\n');

describe('reading a README as a new user would', () => {
  it('takes the first js block of the "## Example" section, whole, and nothing after it', () => {
    expect(readmeExample(README)).toBe("const { thing } = require('@zmp-manual/thing');\n## not a heading: inside the block\nthing();\n");
  });

  it('ends the example section at the next level-2 heading outside a code block', () => {
    const section = exampleSection(README);
    expect(section).toContain('secondBlock();');
    expect(section).not.toContain('## API');
  });

  it('refuses a README without an example, or whose example section has no js block', () => {
    expect(() => readmeExample('# x\n\n## API\n')).toThrow('no "## Example" section');
    expect(() => readmeExample('# x\n\n## Example\n\n```sh\nls\n```\n\n## API\n\n```js\nx();\n```\n')).toThrow('no ```js block');
  });

  it('reads the packages of the first npm install line, without flags or comment', () => {
    expect(readmeInstall(README)).toEqual(['@zmp-manual/thing', 'ioredis']);
    expect(() => readmeInstall('# x\n')).toThrow('no `npm install');
  });
});
