import type { Client } from '@notionhq/client';
import { openGateway } from './notion-session';

const start = Date.parse('2025-05-20T10:00:00.000Z');

afterEach(() => jest.useRealTimers());

describe('openGateway without a rateLimit option', () => {
  it('lets a burst of 3 through, then spaces requests at 3 per second', async () => {
    // Fake timers move Date.now and setTimeout together: the limiter's default clock, with no real waiting.
    jest.useFakeTimers({ now: start });
    const sentAt: number[] = [];
    const retrieve = jest.fn(async ({ page_id }: { page_id: string }) => {
      sentAt.push(Date.now() - start);
      return { object: 'page', id: page_id };
    });
    const gateway = openGateway({ client: { pages: { retrieve } } as unknown as Client }, Date.now);
    // Nine callers at once, as concurrent page fetches are.
    const calls = Array.from({ length: 9 }, (_, i) => gateway.retrievePage(`page-${i}`));
    await jest.advanceTimersByTimeAsync(0);
    expect(sentAt).toEqual([0, 0, 0]);
    await jest.advanceTimersByTimeAsync(333);
    expect(sentAt).toHaveLength(3); // the 4th waits a full 1/3 s
    await jest.advanceTimersByTimeAsync(3_000);
    await Promise.all(calls);
    expect(sentAt).toEqual([0, 0, 0, 334, 667, 1000, 1334, 1667, 2000]);
    expect(gateway.counters.calls).toEqual({ 'pages.retrieve': 9 });
  });
});
