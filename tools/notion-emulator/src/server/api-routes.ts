import type { BlockObjectResponse, PageObjectResponse } from '@notionhq/client';
import type { Workspace } from '../workspace';
import type { FileUrlSigner } from './file-urls';
import type { Route } from './http-kit';
import { readJson } from './http-kit';
import { normalizeId } from './ids';
import { notFound, validationError } from './notion-error';
import { paginate, pageSize } from './pagination';
import { applyQuery } from './data-source-query';

export interface ApiContext {
  workspace: Workspace;
  files: FileUrlSigner;
}

const ID = '([^/]+)';

function page(ws: Workspace, id: string): PageObjectResponse {
  const found = ws.pages[id];
  if (found) return found;
  if (ws.databases[id]) {
    throw validationError(
      `Provided ID ${id} is a database, not a page. Use the retrieve database API instead, https://developers.notion.com/reference/retrieve-a-database.`,
    );
  }
  if (ws.dataSources[id]) {
    throw validationError(
      `Provided ID ${id} is a data source, not a page. Use the retrieve data source API instead, https://developers.notion.com/reference/retrieve-a-data-source.`,
    );
  }
  throw notFound('page', id);
}

/** Notion leaves trashed objects out of children lists and query results (they stay retrievable by id). */
function inTrash(ws: Workspace, id: string): boolean {
  return ws.blocks[id]?.in_trash === true || ws.pages[id]?.in_trash === true;
}

/** A page is also a block (`child_page`); the root page has no block of its own, so one is made up. */
function block(ws: Workspace, id: string): BlockObjectResponse {
  const found = ws.blocks[id];
  if (found) return found;
  const p = ws.pages[id];
  if (!p) {
    if (ws.dataSources[id]) {
      throw validationError(
        `Provided ID ${id} is a data source, not a block. Use the retrieve data source API instead, https://developers.notion.com/reference/retrieve-a-data-source.`,
      );
    }
    throw notFound('block', id);
  }
  const titleProperty = Object.values(p.properties).find((prop) => prop.type === 'title');
  const title = titleProperty?.type === 'title' ? titleProperty.title.map((t) => t.plain_text).join('') : '';
  return {
    object: 'block',
    id: p.id,
    parent: p.parent,
    created_time: p.created_time,
    last_edited_time: p.last_edited_time,
    created_by: p.created_by,
    last_edited_by: p.last_edited_by,
    has_children: (ws.children[id] ?? []).length > 0,
    archived: p.archived,
    in_trash: p.in_trash,
    type: 'child_page',
    child_page: { title },
  } as BlockObjectResponse;
}

function rowsOf(ws: Workspace, dataSourceId: string): PageObjectResponse[] {
  return (ws.children[dataSourceId] ?? []).filter((rowId) => !inTrash(ws, rowId)).map((rowId) => page(ws, rowId));
}

async function queryRows(ctx: ApiContext, dataSourceId: string, req: Parameters<Route<ApiContext>['handle']>[3]) {
  const body = await readJson(req);
  const rows = applyQuery(rowsOf(ctx.workspace, dataSourceId), body);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const list = paginate([...byId.keys()], body.start_cursor, pageSize(body.page_size, 'body'), (id) => byId.get(id));
  return { object: 'list', ...list, type: 'page_or_data_source', page_or_data_source: {} };
}

/** The Notion REST endpoints the exporter and the webhook flow use. */
export const apiRoutes: Route<ApiContext>[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/pages/${ID}$`),
    endpoint: 'GET /v1/pages/{id}',
    handle: (ctx, [id]) => page(ctx.workspace, normalizeId(id, 'page_id')),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/blocks/${ID}$`),
    endpoint: 'GET /v1/blocks/{id}',
    handle: (ctx, [id]) => block(ctx.workspace, normalizeId(id, 'block_id')),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/blocks/${ID}/children$`),
    endpoint: 'GET /v1/blocks/{id}/children',
    handle: (ctx, [raw], url) => {
      const id = normalizeId(raw, 'block_id');
      const ws = ctx.workspace;
      block(ws, id);
      const childIds = (ws.children[id] ?? []).filter((childId) => !inTrash(ws, childId));
      const list = paginate(childIds, url.searchParams.get('start_cursor'), pageSize(url.searchParams.get('page_size')), (childId) => block(ws, childId));
      return { object: 'list', ...list, type: 'block', block: {} };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/databases/${ID}$`),
    endpoint: 'GET /v1/databases/{id}',
    handle: (ctx, [raw]) => {
      const id = normalizeId(raw, 'database_id');
      return ctx.workspace.databases[id] ?? failNotFound('database', id);
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/databases/${ID}/query$`),
    endpoint: 'POST /v1/databases/{id}/query',
    handle: (ctx, [raw], _url, req) => {
      const id = normalizeId(raw, 'database_id');
      const db = ctx.workspace.databases[id] ?? failNotFound('database', id);
      return queryRows(ctx, db.data_sources[0]?.id ?? id, req);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/data_sources/${ID}$`),
    endpoint: 'GET /v1/data_sources/{id}',
    handle: (ctx, [raw]) => {
      const id = normalizeId(raw, 'data_source_id');
      return ctx.workspace.dataSources[id] ?? failNotFound('data source', id);
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/data_sources/${ID}/query$`),
    endpoint: 'POST /v1/data_sources/{id}/query',
    handle: (ctx, [raw], _url, req) => {
      const id = normalizeId(raw, 'data_source_id');
      if (!ctx.workspace.dataSources[id]) failNotFound('data source', id);
      return queryRows(ctx, id, req);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/users\/me$/,
    endpoint: 'GET /v1/users/me',
    handle: (ctx) =>
      Object.values(ctx.workspace.users).find((u) => u.type === 'bot') ?? failNotFound('user', 'me'),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/users/${ID}$`),
    endpoint: 'GET /v1/users/{id}',
    handle: (ctx, [raw]) => {
      const id = normalizeId(raw, 'user_id');
      return ctx.workspace.users[id] ?? failNotFound('user', id);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/users$/,
    endpoint: 'GET /v1/users',
    handle: (ctx, _params, url) => {
      const users = ctx.workspace.users;
      const list = paginate(Object.keys(users), url.searchParams.get('start_cursor'), pageSize(url.searchParams.get('page_size')), (id) => users[id]);
      return { object: 'list', ...list, type: 'user', user: {} };
    },
  },
];

function failNotFound(kind: string, id: string): never {
  throw notFound(kind, id);
}
