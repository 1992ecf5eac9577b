/**
 * Why a callback attempt did not reach the receiver. `retryable` says whether another attempt may succeed
 * (a DNS hiccup, a timeout) or not (a refused target, no secret).
 */
export type CallbackErrorCode = 'no_secret' | 'invalid_url' | 'unsupported_scheme' | 'forbidden_address' | 'unresolvable' | 'timeout' | 'network_error';

const RETRYABLE: ReadonlySet<CallbackErrorCode> = new Set(['unresolvable', 'timeout', 'network_error']);

export class CallbackError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly code: CallbackErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CallbackError';
    this.retryable = RETRYABLE.has(code);
  }

  /** How it is recorded on the job: `<code>: <message>`. */
  get summary(): string {
    return `${this.code}: ${this.message}`;
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, retryable: this.retryable };
  }
}
