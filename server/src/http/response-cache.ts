/** V8 keeps a string in one or two bytes per character; count two, to stay within the bound. */
const sizeOf = (key: string, payload: string): number => 2 * (key.length + payload.length);

interface Entry {
  payload: string;
  storedAt: number;
}

/**
 * The in-process cache of anonymous published reads: whole response bodies by request, kept for
 * at most `maxAgeSeconds` and within `maxBytes` (least recently used go first). Cleared whenever
 * this process changes what is live; other instances catch up within `maxAgeSeconds`, as a CDN
 * would.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    readonly maxAgeSeconds: number,
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored body and its age in whole seconds, or null when absent or expired. */
  get(key: string): { payload: string; ageSeconds: number } | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const ageMs = this.now() - entry.storedAt;
    this.remove(key, entry);
    if (ageMs >= this.maxAgeSeconds * 1000) return null;
    this.insert(key, entry); // most recently used last
    return { payload: entry.payload, ageSeconds: Math.floor(ageMs / 1000) };
  }

  set(key: string, payload: string): void {
    const size = sizeOf(key, payload);
    // One huge answer must not flush everything else.
    if (size > this.maxBytes / 16) return;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.insert(key, { payload, storedAt: this.now() });
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, entry);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private insert(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    this.bytes += sizeOf(key, entry.payload);
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= sizeOf(key, entry.payload);
  }
}
