import { Redis } from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';
import type { ApiConfig } from '../api.tokens';
import type { AuthUser } from './auth-user';
import { SseTicketService } from './sse-ticket.service';

const user: AuthUser = { username: 'alice', subject: 's-1', email: null, roles: ['manual-publisher'], isAdmin: false, isPublisher: true, fullName: 'Alice', expiresAt: 2_000_000_000 };

describe('SseTicketService (real Redis)', () => {
  const keyPrefix = `test:auth-tickets:${randomUUID()}:`;
  const redis = new Redis('redis://127.0.0.1:6379');
  const tickets = (ttl: number) => new SseTicketService(redis, { keyPrefix, auth: { ticketTtlSeconds: ttl } } as ApiConfig);

  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('redeems a ticket once, from any instance sharing Redis', async () => {
    const { ticket, expires_in } = await tickets(60).issue(user);
    expect(expires_in).toBe(60);
    const key = `${keyPrefix}auth:ticket:${createHash('sha256').update(ticket).digest('hex')}`;
    expect(await redis.exists(key)).toBe(1);
    expect(await tickets(60).redeem(ticket)).toEqual(user);
    expect(await redis.exists(key)).toBe(0);
    expect(await tickets(60).redeem(ticket)).toBeNull();
  });

  it('lets a ticket expire after its TTL', async () => {
    const { ticket } = await tickets(1).issue(user);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await tickets(1).redeem(ticket)).toBeNull();
  });

  it('refuses malformed tickets without asking Redis, and a stored value that is not a user', async () => {
    expect(await tickets(60).redeem('short')).toBeNull();
    const ticket = 'B'.repeat(43);
    await redis.set(`${keyPrefix}auth:ticket:${createHash('sha256').update(ticket).digest('hex')}`, '{"username":1}', 'EX', 60);
    expect(await tickets(60).redeem(ticket)).toBeNull();
  });

  it('gives distinct random tickets', async () => {
    const issued = await Promise.all(Array.from({ length: 20 }, () => tickets(60).issue(user)));
    expect(new Set(issued.map((entry) => entry.ticket)).size).toBe(20);
  });
});
