import { LRUCache } from "lru-cache";

/**
 * Recent searches (by filter, order and page size, not page) that a walk in date order could not
 * answer, so that they go to the search index at once. Client apps repeat the same searches, so
 * such a search pays for the walk once, not every time. Entries last ten minutes, as the data
 * moves; the least recently noted go first beyond 10,000.
 */
export class SearchRoutes {
  private readonly shortWalks = new LRUCache<string, true>({ max: 10_000, ttl: 10 * 60_000 });

  shouldWalk(key: string): boolean {
    return !this.shortWalks.has(key);
  }

  walkFellShort(key: string): void {
    this.shortWalks.set(key, true);
  }
}
