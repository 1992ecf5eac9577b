import type { PhrasingContent, RootContent } from 'mdast';
// The MDX, directive and math node types come from the remark plugins' mdast augmentations.
import type {} from 'remark-mdx';
import type {} from 'remark-directive';
import type {} from 'remark-math';

export type MdxJsxFlowElement = Extract<RootContent, { type: 'mdxJsxFlowElement' }>;
export type MdxJsxTextElement = Extract<PhrasingContent, { type: 'mdxJsxTextElement' }>;
export type MdxJsxAttribute = MdxJsxFlowElement['attributes'][number] & { type: 'mdxJsxAttribute' };
export type ContainerDirective = Extract<RootContent, { type: 'containerDirective' }>;
