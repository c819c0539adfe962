import { parseArgs } from "node:util";

export const WORKLOADS = ["W1", "W2", "W3", "W4", "W5", "W6", "W7"] as const;
export type WorkloadId = (typeof WORKLOADS)[number];

export interface Options {
  /** The PostgreSQL server; the bench works in its own database there. */
  serverUrl: string;
  database: string;
  reports: number;
  seed: number;
  quick: boolean;
  reuse: boolean;
  /** Seed (or check the dataset for --reuse) and stop. */
  seedOnly: boolean;
  workloads: Set<WorkloadId>;
  /** Seconds per measured run, and of the warm-up before them. */
  duration: number;
  warmup: number;
  runs: number;
  connections: number;
  /** Database pool of the server and of the baseline: the same for both. */
  poolSize: number;
  /** publishReport requests per W6 run (each on its own approved report). */
  publishesPerRun: number;
  /** Responses per workload whose x-sql-statements are read. */
  statementSamples: number;
}

export class UsageError extends Error {}

const USAGE = `usage: npm run bench -- [--quick] [--reports N] [--workloads W1,W3] [--duration S] [--warmup S]
                        [--runs N] [--connections N] [--pool-size N] [--seed N] [--reuse] [--seed-only]
                        [--database NAME]`;

function integer(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be an integer between ${min} and ${max}, got "${value}"\n${USAGE}`);
  }
  return n;
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      reuse: { type: "boolean", default: false },
      "seed-only": { type: "boolean", default: false },
      reports: { type: "string" },
      seed: { type: "string" },
      workloads: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      runs: { type: "string" },
      connections: { type: "string" },
      "pool-size": { type: "string" },
      database: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const serverUrl = env.BENCH_DATABASE_URL?.trim();
  if (!serverUrl) {
    throw new UsageError(
      "npm run bench needs BENCH_DATABASE_URL, a server PostgreSQL URL such as postgres://postgres@127.0.0.1:5432/postgres (it creates its own database there: rd_bench, rd_bench_quick for --quick, or --database NAME)",
    );
  }
  let values: ReturnType<typeof parseFlags>["values"];
  try {
    values = parseFlags(argv).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) throw new UsageError(USAGE);
  const quick = values.quick ?? false;
  const workloads = new Set<WorkloadId>();
  for (const w of (values.workloads ?? WORKLOADS.join(",")).split(",").map((s) => s.trim().toUpperCase())) {
    if (!(WORKLOADS as readonly string[]).includes(w)) throw new UsageError(`unknown workload "${w}"; known: ${WORKLOADS.join(", ")}\n${USAGE}`);
    workloads.add(w as WorkloadId);
  }
  // A quick run (CI) must not wipe a full dataset someone seeded to --reuse.
  const database = values.database ?? (quick ? "rd_bench_quick" : "rd_bench");
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new UsageError(`--database must be a plain lower-case name, got "${database}"\n${USAGE}`);
  return {
    serverUrl,
    database,
    reports: integer(values.reports, "reports", quick ? 2_000 : 100_000, 1_000, 10_000_000),
    seed: integer(values.seed, "seed", 1, 0, 2 ** 31),
    quick,
    reuse: values.reuse ?? false,
    seedOnly: values["seed-only"] ?? false,
    workloads,
    // Whole seconds: autocannon stops on a once-a-second tick.
    duration: integer(values.duration, "duration", quick ? 1 : 10, 1, 3_600),
    warmup: integer(values.warmup, "warmup", quick ? 1 : 5, 0, 3_600),
    runs: integer(values.runs, "runs", 3, 1, 100),
    connections: integer(values.connections, "connections", 10, 1, 1_000),
    poolSize: integer(values["pool-size"], "pool-size", 10, 1, 500),
    publishesPerRun: quick ? 50 : 1_000,
    statementSamples: quick ? 5 : 20,
  };
}

/**
 * The arguments of the benches that work on a copy of a seeded dataset: the source database, then
 * `--name N` for each count they take (positive integers, `defaults` when omitted).
 */
export function sourceAndCounts<K extends string>(argv: string[], usage: string, defaults: Record<K, number>): { source: string; counts: Record<K, number> } {
  const names = Object.keys(defaults) as K[];
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: Object.fromEntries(names.map((name) => [name, { type: "string" as const }])),
  });
  const source = positionals[0];
  if (!source || !/^[a-z_][a-z0-9_]{0,62}$/.test(source)) throw new UsageError(usage);
  const counts = {} as Record<K, number>;
  for (const name of names) {
    const raw = values[name];
    const n = typeof raw === "string" ? Number(raw) : defaults[name];
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer\n${usage}`);
    counts[name] = n;
  }
  return { source, counts };
}
