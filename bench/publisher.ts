import { dataOf, send } from "./http";
import type { RunningServer } from "./servers";
import { publishRequest } from "./workloads";

export interface PacedPublishes {
  /** performance.now() when each report's publish was sent, and when its answer came. */
  sent: Map<string, number>;
  answered: Map<string, number>;
}

/**
 * Publishes the reports from the harness itself, evenly spaced at `rate` a second whatever the
 * answers do, and notes the times: the reference for how long an event takes to reach its
 * receivers (a stream client, a webhook endpoint).
 */
export async function publishPaced(server: RunningServer, token: string, reportIds: string[], rate: number): Promise<PacedPublishes> {
  const sent = new Map<string, number>();
  const answered = new Map<string, number>();
  const started = performance.now();
  const publishes: Promise<void>[] = [];
  for (const [i, id] of reportIds.entries()) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sent.set(id, performance.now());
    publishes.push(
      send(server.origin, publishRequest(id, token)).then((answer) => {
        answered.set(id, performance.now());
        dataOf(answer, `publishing ${id}`);
      }),
    );
  }
  await Promise.all(publishes);
  return { sent, answered };
}
