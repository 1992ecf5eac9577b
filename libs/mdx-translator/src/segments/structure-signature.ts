import type { AnyNode } from './mdast-node';

/**
 * The shape of a tree: node kinds, nesting, link and image targets and the values of code, math and
 * expressions; text content left out. Two trees with the same signature differ only in their text.
 */
export function structureSignature(node: AnyNode): string {
  if (node.type === 'text') return '·';
  const parts: string[] = [];
  for (const child of node.children ?? []) {
    const part = structureSignature(child);
    if (!(part === '·' && parts.at(-1) === '·')) parts.push(part);
  }
  const target = typeof node.url === 'string' ? `(${node.url})` : '';
  const literal = node.type !== 'yaml' && typeof node.value === 'string' ? `=${JSON.stringify(node.value)}` : '';
  const name = typeof node.name === 'string' ? `<${node.name}>` : '';
  return `${node.type}${name}${target}${literal}[${parts.join(',')}]`;
}
