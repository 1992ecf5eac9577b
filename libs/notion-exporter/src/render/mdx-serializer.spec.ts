import type { Root } from 'mdast';
import { serializeMdx } from './mdx-serializer';

const paragraph = (value: string): Root => ({
  type: 'root',
  children: [{ type: 'paragraph', children: [{ type: 'text', value }] }],
});

describe('serializeMdx', () => {
  it('escapes text that MDX would read as an expression or JSX', () => {
    expect(serializeMdx(paragraph('Hello {name}, see <T> where a < b'))).toBe(
      'Hello \\{name}, see \\<T> where a \\< b\n',
    );
  });

  it('writes markdown in the house style', () => {
    const root: Root = {
      type: 'root',
      children: [
        { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Install' }] },
        {
          type: 'list',
          ordered: false,
          spread: false,
          children: [
            {
              type: 'listItem',
              spread: false,
              children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: 'Node' }] }] }],
            },
          ],
        },
        { type: 'code', lang: 'ts', value: 'const a = {};' },
      ],
    };
    expect(serializeMdx(root)).toBe('## Install\n\n- **Node**\n\n```ts\nconst a = {};\n```\n');
  });
});
