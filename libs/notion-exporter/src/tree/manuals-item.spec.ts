import type { ManualNode } from '../types';
import { toManualsItems } from './manuals-item';

const node: ManualNode = {
  id: '19ab7135-d33b-803b-8ea7-ff3e366f707d',
  title: 'Getting Started',
  slug: 'getting-started',
  slugPath: ['getting-started'],
  relativePath: 'getting-started/index.mdx',
  parentId: 'aa4a46ca-96bb-4395-abb5-60dac25caedc',
  index: 1,
  isDirectory: true,
  kind: 'page',
  notionUrl: 'https://www.notion.so/Getting-Started-19ab7135d33b803b8ea7ff3e366f707d',
  lastEditedTime: '2025-03-05T02:10:00.000Z',
  lastEditedBy: 'Jane Doe',
  lastEditorAvatarUrl: 'https://s3-us-west-2.amazonaws.com/avatar.png',
};

describe('toManualsItems', () => {
  it("maps nodes to the original GET /manuals items: slug as title, snake_case, Python's time format", () => {
    expect(toManualsItems([node])).toEqual([
      {
        object_id: '19ab7135-d33b-803b-8ea7-ff3e366f707d',
        title: 'getting-started',
        is_directory: true,
        parent_id: 'aa4a46ca-96bb-4395-abb5-60dac25caedc',
        notion_url: 'https://www.notion.so/Getting-Started-19ab7135d33b803b8ea7ff3e366f707d',
        index: 1,
        last_edited_time: '2025-03-05T02:10:00+00:00',
        last_edited_by: 'Jane Doe',
        last_editor_avatar_url: 'https://s3-us-west-2.amazonaws.com/avatar.png',
      },
    ]);
  });

  it('keeps nulls, and milliseconds as Python writes microseconds', () => {
    const [item] = toManualsItems([{ ...node, lastEditedTime: null, lastEditedBy: null, lastEditorAvatarUrl: null }]);
    expect(item).toMatchObject({ last_edited_time: null, last_edited_by: null, last_editor_avatar_url: null });
    expect(toManualsItems([{ ...node, lastEditedTime: '2025-03-05T02:10:00.250Z' }])[0].last_edited_time).toBe('2025-03-05T02:10:00.250000+00:00');
  });
});
