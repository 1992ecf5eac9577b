/** A bad or missing flag value found after commander parsed the line (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'usage_error';

  constructor(message: string) {
    super(message);
  }

  toJSON(): { name: string; code: string; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}
