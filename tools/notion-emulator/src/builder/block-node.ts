import type { ApiColor } from '@notionhq/client';
import type { BlockNode, BlockNodeOf, BlockType, ContentOf, Node } from './nodes';
import type { HostedFile } from './media-source';

/** The one constructor behind every block function: the payload type is checked against the API type. */
export function block<T extends BlockType>(type: T, content: ContentOf<T>, children: Node[] = [], files?: HostedFile[]): BlockNodeOf<T> {
  return files && files.length > 0 ? { kind: 'block', type, content, children, files } : { kind: 'block', type, content, children };
}

/** The same node with a fixed id (to reference it: synced blocks, links, tests). */
export function withId<N extends Node>(id: string, node: N): N {
  return { ...node, id };
}

/** The same block with nested children (e.g. an indented paragraph). */
export function withChildren<N extends BlockNode>(node: N, ...children: Node[]): N {
  return { ...node, children: [...node.children, ...children] };
}

/** The same block in another colour; only for blocks whose payload has a `color`. */
export function withColor<N extends BlockNode>(color: ApiColor, node: N): N {
  if (!('color' in node.content)) throw new Error(`A ${node.type} block has no color.`);
  return { ...node, content: { ...node.content, color } };
}
