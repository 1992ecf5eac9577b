import type { BlockObjectResponse } from '@notionhq/client';

/** A block with its children already fetched (child pages and databases are never descended into). */
export interface BlockNode {
  block: BlockObjectResponse;
  children: BlockNode[];
}
