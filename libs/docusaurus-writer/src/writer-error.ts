/**
 * The closed set of reasons the writer refuses to write. Every check runs before the first byte is written,
 * so an error with any code but `io_failed` and `aborted` means the site was left untouched.
 */
export type WriterErrorCode =
  /** A path segment is empty (`a//b`, a leading `/`). */
  | 'path_segment_empty'
  /** A path segment is `.` or `..`. */
  | 'path_segment_dot'
  /** A path segment contains `/` or `\`. */
  | 'path_segment_separator'
  /** A path segment contains NUL or another control character. */
  | 'path_segment_control_character'
  /** A path segment contains a character Windows forbids in file names: `< > : " | ? *`. */
  | 'path_segment_invalid_character'
  /** A path segment is a Windows device name (`CON`, `nul.mdx`, `COM1`, `LPT9`…). */
  | 'path_segment_reserved_name'
  /** A path segment ends with a dot or a space (Windows drops them silently). */
  | 'path_segment_trailing_dot_or_space'
  /** A path segment is longer than 255 UTF-8 bytes. */
  | 'path_segment_too_long'
  /** The absolute path is longer than 1023 UTF-8 bytes (PATH_MAX on macOS; Linux allows 4095). */
  | 'path_too_long'
  /**
   * Two paths differ only in letter case or Unicode normalisation (`Guide.mdx`/`guide.mdx`, NFC/NFD `é`):
   * they would be one file on macOS and Windows. Between two outputs, or between an output and a file or
   * folder in the site that the writer did not write.
   */
  | 'path_case_collision'
  /** The resolved path, or the real path of its parent through symlinks, is not inside the site root. */
  | 'path_outside_root'
  /** A file stands where the writer needs a directory, or a directory where it needs a file. */
  | 'path_conflict'
  /**
   * A file the writer never wrote (not in the manifest) stands where it must write, with other bytes (or it
   * is a symlink). Identical files are adopted silently; `replaceForeignFiles: true` overwrites the others.
   */
  | 'foreign_file'
  /** An option is missing or malformed (root, solution, layout, languages, sidebarId, manifest path). */
  | 'invalid_option'
  /** A document breaks the contract (relativePath shape, isDirectory, duplicates, position). */
  | 'invalid_document'
  /** A translation names an unknown page or language, is doubled, or changes the page's `id`/`slug`. */
  | 'invalid_translation'
  /** An asset is doubled or malformed. */
  | 'invalid_asset'
  /** An asset's bytes do not hash to its `sha256`. */
  | 'asset_hash_mismatch'
  /** An asset came without `data` and the writer has no file of that name from an earlier run. */
  | 'asset_missing'
  /** The manifest file exists but is not a manifest this version understands. */
  | 'invalid_manifest'
  /** A locale's `current.json` exists but is not a JSON object. */
  | 'invalid_translation_file'
  /** The file system refused an operation (permissions, disk full…); `cause` holds the original error. */
  | 'io_failed'
  /** The `signal` was aborted. Files already written are complete (every write is atomic). */
  | 'aborted';

export interface WriterErrorDetails {
  /** The path concerned, relative to the root (POSIX) when it is inside, else as given. */
  path?: string;
  pageId?: string;
  language?: string;
  cause?: unknown;
}

export interface WriterErrorJson {
  name: 'WriterError';
  code: WriterErrorCode;
  message: string;
  path?: string;
  pageId?: string;
  language?: string;
}

export class WriterError extends Error {
  override readonly name = 'WriterError';
  readonly code: WriterErrorCode;
  readonly path?: string;
  readonly pageId?: string;
  readonly language?: string;

  constructor(code: WriterErrorCode, message: string, details: WriterErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.path !== undefined) this.path = details.path;
    if (details.pageId !== undefined) this.pageId = details.pageId;
    if (details.language !== undefined) this.language = details.language;
  }

  toJSON(): WriterErrorJson {
    const json: WriterErrorJson = { name: this.name, code: this.code, message: this.message };
    if (this.path !== undefined) json.path = this.path;
    if (this.pageId !== undefined) json.pageId = this.pageId;
    if (this.language !== undefined) json.language = this.language;
    return json;
  }
}
