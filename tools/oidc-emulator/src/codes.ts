import { randomUUID } from 'node:crypto';
import type { CodeOptions, OidcUser } from './options';

export interface IssuedCode extends CodeOptions {
  user: OidcUser;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** One-time authorization codes: a code is gone after its first exchange attempt, or when it expires. */
export class CodeStore {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(
    private readonly lifespanMs: number,
    private readonly clock: () => number,
  ) {}

  issue(user: OidcUser, options: CodeOptions = {}): string {
    this.dropExpired();
    const code = `${randomUUID()}.${randomUUID()}.${randomUUID()}`;
    this.codes.set(code, { ...options, user, expiresAt: this.clock() + this.lifespanMs });
    return code;
  }

  /** The code's grant, consuming it; `undefined` when unknown, used or expired. */
  take(code: string): IssuedCode | undefined {
    const issued = this.codes.get(code);
    this.codes.delete(code);
    return issued !== undefined && issued.expiresAt > this.clock() ? issued : undefined;
  }

  private dropExpired(): void {
    const now = this.clock();
    for (const [code, issued] of this.codes) if (issued.expiresAt <= now) this.codes.delete(code);
  }
}
