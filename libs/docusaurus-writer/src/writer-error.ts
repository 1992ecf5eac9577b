/** The closed set of reasons the writer refuses to write. */
export type WriterErrorCode = 'path_outside_root' | 'invalid_path_segment';

export class WriterError extends Error {
  constructor(
    readonly code: WriterErrorCode,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'WriterError';
  }

  toJSON(): { name: string; code: WriterErrorCode; message: string; path: string } {
    return { name: this.name, code: this.code, message: this.message, path: this.path };
  }
}
