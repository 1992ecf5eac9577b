import type {
  BlockObjectResponse,
  DatabaseObjectResponse,
  DataSourceObjectResponse,
  PageObjectResponse,
  UserObjectResponse,
} from '@notionhq/client';
import type { Workspace, WorkspaceFile } from '../workspace';
import { assignIds } from './assign-ids';
import type { IdPlan } from './assign-ids';
import { idNumber, notionPageUrl, stableId } from './ids';
import { fileObject, toSource } from './media-source';
import type { HostedFile } from './media-source';
import type { BlockNode, DatabaseNode, Icon, Node, PageNode, PageOptions, RowNode } from './nodes';
import { propertyConfig, propertyValue, titleProperty } from './properties';
import { resolveMentions, resolveSyncedReferences } from './resolve-references';
import { richText } from './rich-text';

export interface WorkspaceSpec {
  /** Short name, e.g. `demo`; also the seed of the root page's id when the root has none. */
  name: string;
  /** The root page of the manual and everything under it. */
  root: PageNode;
  /** Every user of the workspace: the people who write pages (authors are picked among them) and the integration bot. */
  users: UserObjectResponse[];
  /** Creation times are spread over the 90 days after this instant (default 2025-01-06T09:00:00Z). */
  epoch?: string;
}

type Parent = { type: 'page_id'; page_id: string } | { type: 'block_id'; block_id: string } | { type: 'workspace'; workspace: true };
type BlockCommon = Omit<BlockObjectResponse, 'type'>;
interface Times {
  created: string;
  edited: string;
}
/** Where a node's times come from: the epoch (root), after its parent page, or within its page's lifetime. */
type TimeContext = { kind: 'root' } | { kind: 'after'; times: Times } | { kind: 'within'; times: Times };

const DAY_MS = 86_400_000;
const DEFAULT_EPOCH = '2025-01-06T09:00:00.000Z';

/**
 * Assembles a tree of builder nodes into a `Workspace`: every object in API shape, ids stable across runs,
 * created/edited times and authors derived from the ids, mentions and synced references resolved.
 */
export function buildWorkspace(spec: WorkspaceSpec): Workspace {
  return new Assembler(spec).run();
}

class Assembler {
  private readonly ws: Workspace;
  private readonly plan: IdPlan;
  private readonly people: string[];
  private readonly epochMs: number;
  private readonly syncedReferences = new Map<string, string>();

  constructor(private readonly spec: WorkspaceSpec) {
    const rootPageId = spec.root.id ?? stableId(spec.name, 'root');
    this.plan = assignIds(spec.root, rootPageId);
    this.people = spec.users.filter((u) => u.type === 'person').map((u) => u.id);
    if (this.people.length === 0) throw new Error('A workspace needs at least one person user to author its pages.');
    this.epochMs = Date.parse(spec.epoch ?? DEFAULT_EPOCH);
    this.ws = {
      name: spec.name,
      rootPageId,
      pages: {},
      blocks: {},
      children: {},
      databases: {},
      dataSources: {},
      users: Object.fromEntries(spec.users.map((u) => [u.id, u])),
      files: {},
    };
  }

  run(): Workspace {
    this.page(this.spec.root, { type: 'workspace', workspace: true }, { kind: 'root' });
    resolveSyncedReferences(this.ws, this.syncedReferences);
    resolveMentions(this.ws, this.plan.titles);
    for (const [id, block] of Object.entries(this.ws.blocks)) {
      block.has_children = (this.ws.children[id] ?? []).length > 0;
    }
    return this.ws;
  }

  private id(node: Node | RowNode): string {
    const id = this.plan.ids.get(node);
    if (id === undefined) throw new Error(`No id planned for a ${node.kind} node.`);
    return id;
  }

  /**
   * Created/edited times, derived from the id so they are stable, and consistent the way Notion's are:
   * a child page is created after its parent page; a block is created and last edited within its page's
   * lifetime (so a page's `last_edited_time` is never older than one of its blocks).
   */
  private times(id: string, options: Pick<PageOptions, 'created' | 'edited'> = {}, context: TimeContext = { kind: 'root' }): Times {
    const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    let createdMs: number;
    let latestMs: number;
    if (context.kind === 'within') {
      const start = Date.parse(context.times.created);
      const end = Date.parse(context.times.edited);
      createdMs = Math.max(start, minute(start + (idNumber(id) % (end - start + 1))));
      latestMs = end;
    } else {
      const after = context.kind === 'after' ? Date.parse(context.times.created) : this.epochMs;
      const spread = context.kind === 'after' ? 20 * DAY_MS : 90 * DAY_MS;
      createdMs = minute(after + (idNumber(id) % spread));
      latestMs = createdMs + 45 * DAY_MS;
    }
    const created = options.created ?? iso(createdMs);
    const base = Date.parse(created);
    const edited = options.edited ?? iso(Math.max(base, minute(base + (idNumber(id, 1) % (Math.max(latestMs, base) - base + 1)))));
    if (edited < created) throw new Error(`Node ${id} is edited (${edited}) before it is created (${created}).`);
    return { created, edited };
  }

  private author(id: string, fixed?: string): { object: 'user'; id: string } {
    const userId = fixed ?? this.people[idNumber(id, 2) % this.people.length];
    if (!this.ws.users[userId]) throw new Error(`Author ${userId} of ${id} is not a user of the workspace.`);
    return { object: 'user', id: userId };
  }

  private common(id: string, parent: Parent, times: Times, author = this.author(id)): BlockCommon {
    return {
      object: 'block',
      id,
      parent,
      created_time: times.created,
      last_edited_time: times.edited,
      created_by: author,
      last_edited_by: author,
      has_children: false,
      in_trash: false,
      archived: false,
    } as BlockCommon;
  }

  private register(files: readonly HostedFile[] | undefined): void {
    for (const file of files ?? []) {
      const known: WorkspaceFile | undefined = this.ws.files[file.name];
      if (known && (!known.data.equals(file.data) || known.contentType !== file.contentType)) {
        throw new Error(`Two different hosted files are named "${file.name}".`);
      }
      this.ws.files[file.name] = { contentType: file.contentType, data: file.data };
    }
  }

  private icon(icon: Icon | undefined): PageObjectResponse['icon'] {
    if (icon === undefined) return null;
    if (typeof icon === 'string') return { type: 'emoji', emoji: icon };
    if (icon.kind === 'hosted') this.register([icon]);
    return fileObject(icon);
  }

  private cover(cover: PageOptions['cover']): PageObjectResponse['cover'] {
    if (cover === undefined) return null;
    const source = toSource(cover);
    if (source.kind === 'hosted') this.register([source]);
    return fileObject(source);
  }

  private pageObject(
    node: PageNode | RowNode,
    id: string,
    parent: PageObjectResponse['parent'],
    properties: PageObjectResponse['properties'],
    context: TimeContext,
  ): PageObjectResponse {
    const times = this.times(id, node, context);
    const author = this.author(id, node.author);
    return {
      object: 'page',
      id,
      created_time: times.created,
      last_edited_time: times.edited,
      in_trash: false,
      archived: false,
      is_archived: false,
      is_locked: false,
      url: notionPageUrl(node.title, id),
      public_url: null,
      parent,
      properties,
      icon: this.icon(node.icon),
      cover: this.cover(node.cover),
      created_by: author,
      last_edited_by: author,
    };
  }

  private page(node: PageNode, parent: Parent, context: TimeContext): void {
    const id = this.id(node);
    const pageObject = this.pageObject(node, id, parent, { title: titleProperty(node.title) }, context);
    this.ws.pages[id] = pageObject;
    if (parent.type !== 'workspace') {
      this.ws.blocks[id] = {
        ...this.common(id, parent, { created: pageObject.created_time, edited: pageObject.last_edited_time }, pageObject.created_by as { object: 'user'; id: string }),
        type: 'child_page',
        child_page: { title: node.title },
      } as BlockObjectResponse;
    }
    this.children(id, node.children, { type: 'page_id', page_id: id }, this.pageTimes(id));
  }

  private pageTimes(id: string): Times {
    return { created: this.ws.pages[id].created_time, edited: this.ws.pages[id].last_edited_time };
  }

  /** `page` is the lifetime of the page the nodes sit in. */
  private children(parentId: string, nodes: readonly Node[], parent: Parent, page: Times): void {
    if (nodes.length === 0) return;
    this.ws.children[parentId] = nodes.map((child) => this.id(child));
    for (const child of nodes) {
      if (child.kind === 'page') this.page(child, parent, { kind: 'after', times: page });
      else if (child.kind === 'database') this.database(child, parent, page);
      else this.block(child, parent, page);
    }
  }

  private block(node: BlockNode, parent: Parent, page: Times): void {
    const id = this.id(node);
    this.register(node.files);
    this.ws.blocks[id] = { ...this.common(id, parent, this.times(id, {}, { kind: 'within', times: page })), type: node.type, [node.type]: node.content } as BlockObjectResponse;
    if (node.type === 'synced_block' && node.content.synced_from !== null) {
      if (node.children.length > 0) throw new Error(`Synced reference ${id} cannot have children of its own.`);
      this.syncedReferences.set(id, node.content.synced_from.block_id);
      return;
    }
    this.children(id, node.children, { type: 'block_id', block_id: id }, page);
  }

  private database(node: DatabaseNode, parent: Parent, page: Times): void {
    const id = this.id(node);
    const dataSourceId = this.plan.dataSources.get(node);
    if (dataSourceId === undefined) throw new Error(`No data source id planned for "${node.title}".`);
    const times = this.times(id, node, { kind: 'within', times: page });
    const author = this.author(id);
    const title = richText(node.title);
    const description = richText(node.description ?? []);
    const icon = this.icon(node.icon);
    const url = notionPageUrl(node.title, id);
    this.ws.blocks[id] = {
      ...this.common(id, parent, times, author),
      type: 'child_database',
      child_database: { title: node.title },
    } as BlockObjectResponse;
    const database: DatabaseObjectResponse = {
      object: 'database',
      id,
      title,
      description,
      parent,
      is_inline: node.inline ?? true,
      in_trash: false,
      archived: false,
      is_locked: false,
      created_time: times.created,
      last_edited_time: times.edited,
      data_sources: [{ id: dataSourceId, name: node.title }],
      icon,
      cover: null,
      url,
      public_url: null,
    };
    this.ws.databases[id] = database;
    const dataSource: DataSourceObjectResponse = {
      object: 'data_source',
      id: dataSourceId,
      title,
      description,
      parent: { type: 'database_id', database_id: id },
      database_parent: parent,
      is_inline: node.inline ?? true,
      in_trash: false,
      archived: false,
      created_time: times.created,
      last_edited_time: times.edited,
      created_by: author,
      last_edited_by: author,
      properties: Object.fromEntries(node.properties.map((schema) => [schema.name, propertyConfig(dataSourceId, schema)])),
      icon,
      cover: null,
      url: notionPageUrl(node.title, dataSourceId),
      public_url: null,
    };
    this.ws.dataSources[dataSourceId] = dataSource;
    this.ws.children[dataSourceId] = node.rows.map((row) => this.id(row));
    for (const row of node.rows) this.row(row, node, id, dataSourceId, times);
  }

  private row(node: RowNode, database: DatabaseNode, databaseId: string, dataSourceId: string, databaseTimes: Times): void {
    const id = this.id(node);
    const known = new Set(database.properties.map((p) => p.name));
    const unknown = Object.keys(node.values).filter((name) => !known.has(name));
    if (unknown.length > 0) throw new Error(`Row "${node.title}" sets ${unknown.join(', ')}, which "${database.title}" does not have.`);
    const properties = Object.fromEntries(
      database.properties.map((schema) => [
        schema.name,
        propertyValue(dataSourceId, schema, schema.type === 'title' ? (node.values[schema.name] ?? node.title) : node.values[schema.name]),
      ]),
    );
    this.ws.pages[id] = this.pageObject(
      node,
      id,
      { type: 'data_source_id', data_source_id: dataSourceId, database_id: databaseId },
      properties,
      { kind: 'after', times: databaseTimes },
    );
    this.children(id, node.children, { type: 'page_id', page_id: id }, this.pageTimes(id));
  }
}
