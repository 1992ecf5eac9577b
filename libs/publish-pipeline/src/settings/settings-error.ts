/** A setting (environment variable) is missing or has a bad value. The message names it, never its value. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  readonly code = 'invalid_setting';

  constructor(
    /** The variable at fault, e.g. `MAX_CHUNK_SIZE`. */
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }

  toJSON(): { name: 'SettingsError'; code: 'invalid_setting'; variable: string; message: string } {
    return { name: this.name, code: this.code, variable: this.variable, message: this.message };
  }
}
