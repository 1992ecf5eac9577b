import { Injectable } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../errors/api-error';

/**
 * The global rate-limit guard (after the auth guard, which sets `request.user`): clients are counted by
 * username once authenticated, else by IP (an IPv6 /64 counts as one). Keys are `<throttler>:user:<name>` or
 * `<throttler>:ip:<address>` (RedisThrottlerStorage puts them under `<REDIS_KEY_PREFIX>ratelimit:`), so a limit
 * holds across every route and every replica. A refusal is 429 `Too many requests; retry in N s` + `Retry-After`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const user = request.user as AuthUser | undefined;
    if (user?.username) return `user:${user.username}`;
    return typeof request.ip === 'string' ? `ip:${await super.getTracker(request)}` : 'ip:unknown';
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    throw ApiError.tooMany(`Too many requests; retry in ${seconds} s`, seconds, 'rate_limited');
  }
}
