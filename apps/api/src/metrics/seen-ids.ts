/**
 * A bounded set of ids with least-recently-touched eviction: `touch` answers whether the id is new and marks it
 * as just seen. Ids touched at every scrape stay; ids nobody asks about any more make room.
 */
export class SeenIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  /** `true` the first time `id` is seen (since it was last evicted). */
  touch(id: string): boolean {
    const known = this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return !known;
  }

  get size(): number {
    return this.ids.size;
  }
}
