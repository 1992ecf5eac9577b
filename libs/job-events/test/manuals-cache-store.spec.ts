import { EventBus } from '../src/event-bus';
import { ManualsCacheError } from '../src/errors';
import { MANUALS_STREAM } from '../src/keys';
import type { ManualsCacheItem, ManualsInvalidation } from '../src/manuals-cache.store';
import { MANUALS_UPDATED_EVENT, ManualsCacheStore } from '../src/manuals-cache.store';
import { redisFixture, take } from './redis-fixture';

const fixture = redisFixture();
const worker = new ManualsCacheStore({ redis: fixture.connect(), keyPrefix: fixture.prefix, clock: () => new Date('2025-05-20T10:11:12.123Z') });
// An API replica: its own connection and bus.
const replica = new ManualsCacheStore({ redis: fixture.connect(), keyPrefix: fixture.prefix });
const bus = new EventBus({ redis: fixture.connect(), keyPrefix: fixture.prefix, createReader: () => fixture.connect() });

afterAll(async () => {
  await bus.close();
  await fixture.cleanup();
});

const item = (object_id: string, parent_id: string | null, index: number): ManualsCacheItem => ({
  object_id,
  title: `page-${object_id}`,
  is_directory: parent_id === null,
  parent_id,
  notion_url: `https://www.notion.so/${object_id}`,
  index,
  last_edited_time: '2025-03-05T02:10:00+00:00',
  last_edited_by: 'Jane Doe',
  last_editor_avatar_url: null,
});

describe('ManualsCacheStore on the real Redis', () => {
  it('stores a solution tree that another process reads back, and announces it on the manuals stream', async () => {
    const subscription = bus.subscribe({ stream: MANUALS_STREAM });
    await subscription.ready;
    expect(await replica.get('zcp')).toBeNull();
    const items = [item('root', null, 0), item('a', 'root', 1), item('b', 'root', 2)];
    const stored = await worker.put('zcp', items);
    expect(stored).toEqual({ solution: 'zcp', items, updated_at: '2025-05-20T10:11:12.123Z', eventId: expect.any(String) });
    expect(await replica.get('zcp')).toEqual({ solution: 'zcp', items, updated_at: '2025-05-20T10:11:12.123Z' });

    const [event] = await take(subscription, 1);
    expect(event).toEqual({ id: stored.eventId, stream: MANUALS_STREAM, type: MANUALS_UPDATED_EVENT, data: { solution: 'zcp', updated_at: '2025-05-20T10:11:12.123Z', count: 3 } satisfies ManualsInvalidation });
    subscription.close();
  });

  it('keeps solutions apart, replaces a whole tree, and refuses a key that is not a solution', async () => {
    await worker.put('apim', [item('x', null, 0)]);
    await worker.put('zcp', [item('root', null, 0)]);
    expect((await replica.get('zcp'))!.items.map((i) => i.object_id)).toEqual(['root']);
    expect((await replica.get('apim'))!.items.map((i) => i.object_id)).toEqual(['x']);
    const entries = await fixture.connect().xrange(`${fixture.prefix}${MANUALS_STREAM}`, '-', '+');
    expect(entries.map(([, fields]) => JSON.parse(fields[3]).solution)).toEqual(['zcp', 'apim', 'zcp']);
    for (const bad of ['', 'a b', 'zcp*']) {
      const error = await worker.put(bad, []).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ManualsCacheError);
      expect((error as ManualsCacheError).toJSON()).toMatchObject({ code: 'invalid_solution', solution: bad });
    }
  });
});
