import { execFileSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";

// CPU time from /proc (Linux): what each process used, in seconds, and the machine as a whole.

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/** utime + stime of one process (all its threads), in seconds; 0 once it is gone. */
export function processCpu(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces; the fields after it are space-separated.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of the whole machine, summed over its cores. */
export function machineCpu(): { busy: number; total: number } {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0];
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.split(/\s+/).slice(1, 9).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / TICKS_PER_SECOND, total: (busy + idle + iowait) / TICKS_PER_SECOND };
}

/**
 * The PostgreSQL backends serving one database (its client connections and any parallel workers
 * alive at the moment), by pid. Short-lived parallel workers that start and end between two samples
 * are not seen.
 */
export async function backendPids(monitor: pg.Client, database: string): Promise<number[]> {
  const { rows } = await monitor.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type IN ('client backend', 'parallel worker') AND pid <> pg_backend_pid()`,
    [database],
  );
  return rows.map((r: { pid: number }) => r.pid);
}

export const cpuByPid = (pids: number[]): Map<number, number> => new Map(pids.map((pid) => [pid, processCpu(pid)]));

/** CPU the backends used between two samples: new backends count from zero. */
export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}
