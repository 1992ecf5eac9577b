import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { API_CONFIG, REDIS } from '../api.tokens';
import type { ApiConfig, TicketIssuer } from '../api.tokens';
import type { AuthUser } from './auth-user';

/** 32 random bytes, base64url. */
const TICKET = /^[A-Za-z0-9_-]{43}$/;

const storedUser = z.object({
  username: z.string().min(1),
  subject: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.string()),
  isAdmin: z.boolean(),
  isPublisher: z.boolean(),
  fullName: z.string().nullable().optional(),
  expiresAt: z.number().nullable().optional(),
});

/**
 * Single-use tickets for clients that cannot send a header (EventSource, a download link, the dashboard): a
 * random 32-byte ticket; Redis keeps only its SHA-256 (`<prefix>auth:ticket:<hex>` → the user's JSON) for
 * `SSE_TICKET_TTL_S`, and redeeming is one `GETDEL`, so a ticket works once, on any replica.
 */
@Injectable()
export class SseTicketService implements TicketIssuer {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async issue(user: AuthUser): Promise<{ ticket: string; expires_in: number }> {
    const ticket = randomBytes(32).toString('base64url');
    const ttl = this.config.auth.ticketTtlSeconds;
    await this.redis.set(this.keyOf(ticket), JSON.stringify(user), 'EX', ttl);
    return { ticket, expires_in: ttl };
  }

  async redeem(ticket: string): Promise<AuthUser | null> {
    if (!TICKET.test(ticket)) return null;
    const stored = await this.redis.getdel(this.keyOf(ticket));
    if (stored === null) return null;
    try {
      const user: AuthUser = storedUser.parse(JSON.parse(stored));
      return user;
    } catch {
      return null;
    }
  }

  private keyOf(ticket: string): string {
    return `${this.config.keyPrefix}auth:ticket:${createHash('sha256').update(ticket).digest('hex')}`;
  }
}
