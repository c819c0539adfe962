import { LRUCache } from "lru-cache";

/** V8 keeps a string in one or two bytes per character; count two, to stay within the bound. */
const sizeOf = (key: string, payload: string): number => 2 * (key.length + payload.length);

/**
 * The in-process cache of anonymous published reads: whole response bodies by request, kept for
 * at most `maxAgeSeconds` and within `maxBytes` (least recently used go first; one answer larger
 * than a sixteenth of the bound is not kept, so that it cannot flush everything else). Cleared
 * whenever this process changes what is live, and when another instance does (ReportEventSignal).
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, string>;

  constructor(
    readonly maxAgeSeconds: number,
    maxBytes: number,
    now: () => number = () => performance.now(),
  ) {
    this.entries = new LRUCache<string, string>({
      maxSize: maxBytes,
      maxEntrySize: maxBytes / 16,
      sizeCalculation: (payload, key) => sizeOf(key, payload),
      // lru-cache serves an entry until its age exceeds the ttl; HTTP calls it stale once its age
      // reaches max-age.
      ttl: maxAgeSeconds * 1000 - 1,
      ttlResolution: 0,
      perf: { now },
    });
  }

  /** The stored body and its age in whole seconds, or null when absent or expired. */
  get(key: string): { payload: string; ageSeconds: number } | null {
    const payload = this.entries.get(key);
    if (payload === undefined) return null;
    const ageMs = this.entries.ttl - this.entries.getRemainingTTL(key);
    return { payload, ageSeconds: Math.floor(ageMs / 1000) };
  }

  set(key: string, payload: string): void {
    this.entries.set(key, payload);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
