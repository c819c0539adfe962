/**
 * Rings when report events may have been committed, so that open streams read the feed again from
 * their cursors. What rings it depends on the deployment (NOTIFY from a server PostgreSQL, or this
 * process's own commits with the embedded database); a ring that finds nothing new costs one read.
 */
export class EventBell {
  private readonly listeners = new Set<() => void>();

  ring(): void {
    for (const listener of this.listeners) listener();
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
