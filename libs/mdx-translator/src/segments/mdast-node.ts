/**
 * The few fields the translator reads from any mdast/MDX node. Walking through this one structural type
 * keeps the handlers small and tolerant of node kinds added by plugins it does not know.
 */
export interface AnyNode {
  type: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: AnyNode[];
  value?: unknown;
  url?: string;
  title?: string | null;
  alt?: string | null;
  name?: string | null;
  /** `full`, `collapsed` or `shortcut` on link and image references. */
  referenceType?: string;
  attributes?: unknown;
  data?: { directiveLabel?: boolean };
}

/** `[start, end)` of a node in the source, when the parser recorded it. */
export function rangeOf(node: AnyNode): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

export interface JsxAttributeNode {
  type: 'mdxJsxAttribute';
  name: string;
  value: unknown;
  position?: AnyNode['position'];
}

/** The literal-string attributes of a JSX element (`label="Linux"`), with their positions. */
export function jsxAttributes(node: AnyNode): JsxAttributeNode[] {
  if (!Array.isArray(node.attributes)) return [];
  return (node.attributes as unknown[]).filter(
    (attribute): attribute is JsxAttributeNode =>
      typeof attribute === 'object' && attribute !== null && (attribute as JsxAttributeNode).type === 'mdxJsxAttribute' && typeof (attribute as JsxAttributeNode).value === 'string',
  );
}

/** Plain text of a node as mdast-util-to-string reads it (value, else alt, else children). */
export function textOf(node: AnyNode): string {
  if (typeof node.value === 'string') return node.value;
  if (typeof node.alt === 'string') return node.alt;
  return (node.children ?? []).map(textOf).join('');
}
