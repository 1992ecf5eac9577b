/** Where the library reports what it does. Every method is optional; no line ever holds a credential. */
export interface GitPublisherLogger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
}
