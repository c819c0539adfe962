const MAX_ENTRIES = 10_000;
const KEEP_MS = 10 * 60_000;

/**
 * How each recent search was answered (by its filter, order and page size, not its page): in date
 * order (a walk found the page) or through the search index (it did not). Client apps repeat the
 * same searches, so a search that a walk cannot answer pays for the walk once, not every time.
 * Entries last ten minutes, as the data moves; the oldest go first beyond MAX_ENTRIES.
 */
export class SearchRoutes {
  private readonly routes = new Map<string, { walk: boolean; at: number }>();

  /** False when the last walk for `key` fell short, within the last ten minutes. */
  shouldWalk(key: string): boolean {
    const route = this.routes.get(key);
    if (!route || Date.now() - route.at > KEEP_MS) return true;
    return route.walk;
  }

  remember(key: string, walk: boolean): void {
    this.routes.delete(key);
    this.routes.set(key, { walk, at: Date.now() });
    if (this.routes.size > MAX_ENTRIES) this.routes.delete(this.routes.keys().next().value!);
  }
}
