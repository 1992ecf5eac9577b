import type {
  BlockObjectResponse,
  DatabaseObjectResponse,
  DataSourceObjectResponse,
  PageObjectResponse,
  UserObjectResponse,
} from '@notionhq/client';

/**
 * A Notion workspace as the emulator serves it: every object in the exact shape the Notion REST API
 * (version 2025-09-03, as typed by @notionhq/client 5.x) returns it, keyed by dashed UUID.
 *
 * On disk a workspace is a folder: `workspace.json` (this object minus `files`) and `files/<name>`
 * (the bytes of Notion-hosted files).
 */
export interface Workspace {
  /** Short name, e.g. `demo`. */
  name: string;
  /** The page a manual starts from (what ZCP_ROOT_PAGE_ID points at). */
  rootPageId: string;
  /** Page objects, including database rows (their parent is a `data_source_id`). */
  pages: Record<string, PageObjectResponse>;
  /** Every block, including `child_page` and `child_database` blocks, in `GET /v1/blocks/{id}` shape. */
  blocks: Record<string, BlockObjectResponse>;
  /**
   * Ordered children: for a page or block id, the ids of its child blocks;
   * for a data source id, the ids of its row pages.
   */
  children: Record<string, string[]>;
  databases: Record<string, DatabaseObjectResponse>;
  dataSources: Record<string, DataSourceObjectResponse>;
  users: Record<string, UserObjectResponse>;
  /** Notion-hosted files by name; referenced from file objects as `{ url: "emulator-file://<name>" }`. */
  files: Record<string, WorkspaceFile>;
}

export interface WorkspaceFile {
  contentType: string;
  data: Buffer;
}

/**
 * The URL scheme fixtures use for Notion-hosted files. The emulator replaces it, each time it serves an
 * object, with a signed URL on itself that expires like Notion's S3 links do.
 */
export const EMULATOR_FILE_SCHEME = 'emulator-file://';
