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
    this.page(this.spec.root, { type: 'workspace', workspace: true });
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

  private times(id: string, options: Pick<PageOptions, 'created' | 'edited'> = {}): { created: string; edited: string } {
    const createdMs = this.epochMs + (idNumber(id) % (90 * DAY_MS));
    const created = options.created ?? new Date(Math.floor(createdMs / 60_000) * 60_000).toISOString();
    const editedMs = Date.parse(created) + (idNumber(id, 1) % (30 * DAY_MS));
    const edited = options.edited ?? new Date(Math.floor(editedMs / 60_000) * 60_000).toISOString();
    if (edited < created) throw new Error(`Node ${id} is edited (${edited}) before it is created (${created}).`);
    return { created, edited };
  }

  private author(id: string, fixed?: string): { object: 'user'; id: string } {
    const userId = fixed ?? this.people[idNumber(id, 2) % this.people.length];
    if (!this.ws.users[userId]) throw new Error(`Author ${userId} of ${id} is not a user of the workspace.`);
    return { object: 'user', id: userId };
  }

  private common(id: string, parent: Parent | { type: 'page_id'; page_id: string }, times = this.times(id), author = this.author(id)): BlockCommon {
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

  private pageObject(node: PageNode | RowNode, id: string, parent: PageObjectResponse['parent'], properties: PageObjectResponse['properties']): PageObjectResponse {
    const times = this.times(id, node);
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

  private page(node: PageNode, parent: Parent): void {
    const id = this.id(node);
    const pageObject = this.pageObject(node, id, parent, { title: titleProperty(node.title) });
    this.ws.pages[id] = pageObject;
    if (parent.type !== 'workspace') {
      this.ws.blocks[id] = {
        ...this.common(id, parent, { created: pageObject.created_time, edited: pageObject.last_edited_time }, pageObject.created_by as { object: 'user'; id: string }),
        type: 'child_page',
        child_page: { title: node.title },
      } as BlockObjectResponse;
    }
    this.children(id, node.children, { type: 'page_id', page_id: id });
  }

  private children(parentId: string, nodes: readonly Node[], parent: Parent): void {
    if (nodes.length === 0) return;
    this.ws.children[parentId] = nodes.map((child) => this.id(child));
    for (const child of nodes) {
      if (child.kind === 'page') this.page(child, parent);
      else if (child.kind === 'database') this.database(child, parent);
      else this.block(child, parent);
    }
  }

  private block(node: BlockNode, parent: Parent): void {
    const id = this.id(node);
    this.register(node.files);
    this.ws.blocks[id] = { ...this.common(id, parent), type: node.type, [node.type]: node.content } as BlockObjectResponse;
    if (node.type === 'synced_block' && node.content.synced_from !== null) {
      if (node.children.length > 0) throw new Error(`Synced reference ${id} cannot have children of its own.`);
      this.syncedReferences.set(id, node.content.synced_from.block_id);
      return;
    }
    this.children(id, node.children, { type: 'block_id', block_id: id });
  }

  private database(node: DatabaseNode, parent: Parent): void {
    const id = this.id(node);
    const dataSourceId = this.plan.dataSources.get(node);
    if (dataSourceId === undefined) throw new Error(`No data source id planned for "${node.title}".`);
    const times = this.times(id, node);
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
    for (const row of node.rows) this.row(row, node, id, dataSourceId);
  }

  private row(node: RowNode, database: DatabaseNode, databaseId: string, dataSourceId: string): void {
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
    this.ws.pages[id] = this.pageObject(node, id, { type: 'data_source_id', data_source_id: dataSourceId, database_id: databaseId }, properties);
    this.children(id, node.children, { type: 'page_id', page_id: id });
  }
}
