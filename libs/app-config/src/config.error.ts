/** A bad or missing setting: the process stops at start with this message, which names the variable. */
export class ConfigError extends Error {
  readonly code = 'invalid_config' as const;

  constructor(
    /** The env variable at fault (`WORKER_CONCURRENCY`), or several joined by `, `. */
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }

  toJSON() {
    return { name: this.name, code: this.code, variable: this.variable, message: this.message };
  }
}
