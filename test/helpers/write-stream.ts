import type { GraphQLClient } from "graphql-request";
import { CREATE, draftInput, run, UPDATE, type ReportState } from "./workflow";

const UPDATES_PER_REPORT = 4;

/**
 * Writers that create reports titled `prefix …` and edit each a few times, until stopped. A write
 * counts as acknowledged once its answer arrived; `acknowledged` keeps the last one per report.
 */
export function streamWrites(client: GraphQLClient, firm: { id: string; analystId: string }, prefix: string, writers = 4) {
  const acknowledged = new Map<string, ReportState>();
  let writes = 0;
  let inFlight = 0;
  let stopped = false;
  const write = async (operation: string, variables: Record<string, unknown>): Promise<ReportState> => {
    inFlight++;
    const report = await run(client, operation, variables);
    inFlight--;
    writes++;
    acknowledged.set(report.id, report);
    return report;
  };
  const writer = async (n: number): Promise<void> => {
    try {
      for (let round = 0; !stopped; round++) {
        let report = await write(CREATE, { input: draftInput(firm, `${prefix} 작성자 ${n}-${round}`) });
        for (let i = 1; i <= UPDATES_PER_REPORT && !stopped; i++) {
          report = await write(UPDATE, { id: report.id, input: { title: `${prefix} 작성자 ${n}-${round} 수정 ${i}` }, v: report.version });
        }
      }
    } catch (error) {
      if (!stopped) throw error; // until stopped every write must succeed; after, the server may be gone
    }
  };
  const done = Promise.all(Array.from({ length: writers }, (_, n) => writer(n)));
  return {
    acknowledged,
    writes: () => writes,
    inFlight: () => inFlight,
    /** No new writes start; resolves when those in flight are answered or have failed. */
    stop(): Promise<unknown> {
      stopped = true;
      return done;
    },
  };
}

/** What must agree for every report titled `prefix …`: its version, revisions and audit events. */
export const reportFactsSql = (prefix: string): string => `SELECT r.id, r.title, r.version,
    (SELECT count(*)::int FROM report_revisions v WHERE v.report_id = r.id) AS revisions,
    (SELECT count(*)::int FROM audit_events e WHERE e.entity_id = r.id::text AND e.action = 'CREATE') AS creates,
    (SELECT count(*)::int FROM audit_events e WHERE e.entity_id = r.id::text AND e.action = 'UPDATE') AS updates
  FROM reports r WHERE starts_with(r.title, '${prefix}')`;

/** What a row of reportFactsSql must match: one revision per version, one CREATE, one UPDATE per later version. */
export const agreeingFacts = (row: Record<string, unknown>): Record<string, unknown> => ({
  revisions: row.version,
  creates: 1,
  updates: (row.version as number) - 1,
});
