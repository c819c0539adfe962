/**
 * Seconds to wait after each failed attempt: 5 s, 30 s, 2 min, 10 min, 1 h, then every 3 h, so that
 * a receiver that is down for a day still gets its events (the last retry comes about 25 hours
 * after the first attempt). WEBHOOK_RETRY_SCHEDULE replaces it.
 */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = [5, 30, 120, 600, 3_600, ...Array<number>(8).fill(3 * 3_600)];

/** Up to this share is added to each wait, so that endpoints failing together do not retry in step. */
const JITTER = 0.2;

/**
 * Seconds until the retry that follows failed attempt number `attempt` (1 for the first), or null
 * when the schedule is spent and the delivery has failed. Jitter only lengthens a wait, so the
 * schedule's span is a minimum.
 */
export function retryDelaySeconds(schedule: readonly number[], attempt: number, random: () => number = Math.random): number | null {
  const base = schedule[attempt - 1];
  return base === undefined ? null : base * (1 + JITTER * random());
}
