import type { BlockObjectResponse } from '@notionhq/client';
import type { HostedFile, MediaSource } from './media-source';
import type { Inline } from './rich-text';
import type { PropertySchema, RowValue } from './properties';

/** Every block type of the API, e.g. `paragraph`, `child_page`. */
export type BlockType = BlockObjectResponse['type'];
/** The API object of one block type, e.g. `BlockOf<'code'>` is `CodeBlockObjectResponse`. */
export type BlockOf<T extends BlockType> = Extract<BlockObjectResponse, { type: T }>;
/** The type-specific payload of a block, e.g. `ContentOf<'to_do'>` is `{ rich_text, color, checked }`. */
export type ContentOf<T extends BlockType> = BlockOf<T> extends Record<T, infer C> ? C : never;

/** A block before it is placed in a workspace: its payload is already in exact API shape. */
export interface BlockNodeOf<T extends BlockType> {
  kind: 'block';
  type: T;
  content: ContentOf<T>;
  children: Node[];
  /** Fixed id; by default one is derived from the parent's id and the position. */
  id?: string;
  /** Notion-hosted files the payload refers to (registered into `Workspace.files`). */
  files?: HostedFile[];
}

export type BlockNode = { [T in BlockType]: BlockNodeOf<T> }[BlockType];

/** A page icon: an emoji, or an image (external URL or Notion-hosted). */
export type Icon = string | MediaSource;

export interface PageOptions {
  title: string;
  id?: string;
  icon?: Icon;
  /** External URL or a Notion-hosted image. */
  cover?: MediaSource | string;
  /** ISO times; by default derived from the id around the builder's epoch. */
  created?: string;
  edited?: string;
  /** User id of the author (created_by and last_edited_by); by default one of the people. */
  author?: string;
}

/** A page: placed among its parent's children, where the builder also puts a `child_page` block. */
export interface PageNode extends PageOptions {
  kind: 'page';
  children: Node[];
}

/** A row of a database: a page whose parent is the data source, with property values. */
export interface RowNode extends PageOptions {
  kind: 'row';
  values: Record<string, RowValue>;
  children: Node[];
}

export interface DatabaseOptions {
  title: string;
  id?: string;
  dataSourceId?: string;
  icon?: Icon;
  description?: Inline;
  /** Inline database (shown in the page) or full-page; default true, as a child database in a manual. */
  inline?: boolean;
  /** Schema; must contain exactly one title property. */
  properties: PropertySchema[];
  created?: string;
  edited?: string;
}

/** A database with one data source, placed where its `child_database` block sits. */
export interface DatabaseNode extends DatabaseOptions {
  kind: 'database';
  rows: RowNode[];
}

export type Node = BlockNode | PageNode | DatabaseNode;
