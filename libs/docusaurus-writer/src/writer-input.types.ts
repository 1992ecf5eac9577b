/**
 * The writer's input, declared structurally (docs/decisions/0002-library-contracts.md): any object of this
 * shape works, such as `@zmp-manual/notion-exporter`'s `ExportedDocument` and `Asset`, without this package
 * depending on the exporter. Fields the writer does not read are optional here.
 */

/** One page of a solution, as the exporter produced it. */
export interface ExportedDocument {
  /** Notion page id; translations refer to it. */
  readonly pageId: string;
  /** The page title; a directory's title becomes its sidebar category label. */
  readonly title: string;
  /**
   * POSIX path inside the solution folder: `index.mdx` for the solution's root page, `<slug…>/index.mdx` for
   * a page with sub-pages (a directory), `<slug…>.mdx` for a leaf page.
   */
  readonly relativePath: string;
  /** True for pages with sub-pages; their `relativePath` ends in `index.mdx`. */
  readonly isDirectory: boolean;
  /** 1-based position among its siblings; a directory's becomes its category position. */
  readonly sidebarPosition: number;
  /**
   * The front matter of `mdx` as an object; the writer reads `id` and `slug`. Typed `object` so that any
   * interface fits (an interface is not assignable to `Record<string, unknown>`).
   */
  readonly frontMatter: object;
  /** The complete file: YAML front matter and body. Written byte for byte. */
  readonly mdx: string;
  readonly slugPath?: readonly string[];
  readonly parentId?: string | null;
  readonly assets?: readonly string[];
  readonly lastEditedTime?: string | null;
}

/** A file a page uses, named by content (`<first 16 hex of sha256>.<ext>`). */
export interface Asset {
  readonly fileName: string;
  /** Hex sha256 of the bytes. */
  readonly sha256: string;
  readonly contentType?: string;
  readonly sourceUrl?: string;
  readonly pageIds?: readonly string[];
  /** The bytes; absent when the exporter re-used the file an earlier run wrote, which is then kept as it is. */
  readonly data?: Uint8Array;
}

/** A page translated into one language: the complete translated file. */
export interface Translation {
  readonly language: string;
  readonly pageId: string;
  readonly mdx: string;
}
