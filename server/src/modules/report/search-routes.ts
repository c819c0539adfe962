const MAX_ENTRIES = 10_000;
const KEEP_MS = 10 * 60_000;

/**
 * Recent searches (by filter, order and page size, not page) that a walk in date order could not
 * answer, so that they go to the search index at once. Client apps repeat the same searches, so
 * such a search pays for the walk once, not every time. Entries last ten minutes, as the data
 * moves; the oldest go first beyond MAX_ENTRIES.
 */
export class SearchRoutes {
  private readonly shortWalks = new Map<string, number>();

  shouldWalk(key: string): boolean {
    const at = this.shortWalks.get(key);
    return at === undefined || Date.now() - at > KEEP_MS;
  }

  walkFellShort(key: string): void {
    this.shortWalks.delete(key);
    this.shortWalks.set(key, Date.now());
    if (this.shortWalks.size > MAX_ENTRIES) this.shortWalks.delete(this.shortWalks.keys().next().value!);
  }
}
