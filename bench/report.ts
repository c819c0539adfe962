import fs from "node:fs";
import path from "node:path";
import type { Measurement, RunFigures } from "./measure";

export interface ResultRow {
  workload: string;
  label: string;
  target: string;
  median: RunFigures;
  runs: RunFigures[];
  /** x-sql-statements of sampled responses. */
  statements: number[];
  /** Rows in the first answer (the correctness check). */
  rows: number | null;
  /** requests/s of this row ÷ the baseline's for the same workload. */
  ratio: number | null;
  /** Server CPU per request of this row ÷ the baseline's (the medians), the figure the Node-side target is set in. */
  cpuRatio: number | null;
}

export function resultRows(measurements: Measurement[], labels: Record<string, string>, statements: Map<string, number[]>, rows: Record<string, number>): ResultRow[] {
  const baseline = new Map(measurements.filter((m) => m.target === "baseline").map((m) => [m.workload, m.median]));
  return measurements.map((m) => {
    const base = baseline.get(m.workload);
    const ofBaseline = m.target !== "baseline" && base !== undefined;
    return {
      workload: m.workload,
      label: labels[m.workload],
      target: m.target,
      median: m.median,
      runs: m.runs,
      statements: statements.get(`${m.target}/${m.workload}`) ?? [],
      rows: rows[m.workload] ?? null,
      ratio: ofBaseline && base.requestsPerSecond ? m.median.requestsPerSecond / base.requestsPerSecond : null,
      cpuRatio: ofBaseline && m.median.serverCpuMs !== null && base.serverCpuMs ? m.median.serverCpuMs / base.serverCpuMs : null,
    };
  });
}

function statementsText(values: number[]): string {
  if (!values.length) return "–";
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}–${max}`;
}

const fixed = (value: number | null, digits: number): string => (value === null ? "–" : value.toFixed(digits));

/** The lowest and highest server CPU per request over the runs, e.g. "0.48–0.53". */
function cpuSpread(runs: RunFigures[]): string {
  const values = runs.map((r) => r.serverCpuMs).filter((v): v is number => v !== null);
  return values.length ? `${fixed(Math.min(...values), 2)}–${fixed(Math.max(...values), 2)}` : "–";
}
const failures = (r: RunFigures): number => r.errors + r.timeouts + r.non2xx + r.graphqlErrors;

export function printTable(rows: ResultRow[]): string {
  const header = ["workload", "target", "req/s", "p50 ms", "p99 ms", "SQL/req", "srv CPU ms/req", "runs", "× base", "PG CPU ms/req", "cores srv/pg/load/other/idle %", "failed", "ratio"];
  const lines = rows.map((r) => [
    r.workload,
    r.target,
    fixed(r.median.requestsPerSecond, 0),
    fixed(r.median.p50, 1),
    fixed(r.median.p99, 1),
    statementsText(r.statements),
    fixed(r.median.serverCpuMs, 2),
    cpuSpread(r.runs),
    r.cpuRatio === null ? "" : fixed(r.cpuRatio, 1),
    fixed(r.median.postgresCpuMs, 2),
    [r.median.shares.server, r.median.shares.postgres, r.median.shares.loadGenerator, r.median.shares.other, r.median.shares.idle]
      .map((s) => fixed(s, 0))
      .join("/"),
    String(failures(r.median)),
    r.ratio === null ? "" : fixed(r.ratio, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [format(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(format)].join("\n");
}

/** Markdown of the same table, for the README's Performance section. */
export function markdownTable(rows: ResultRow[]): string {
  const lines = [
    "| workload | target | req/s | p50 ms | p99 ms | SQL/req | server CPU ms/req (runs) | × baseline | PG CPU ms/req | ratio |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.workload} ${r.label} | ${r.target} | ${fixed(r.median.requestsPerSecond, 0)} | ${fixed(r.median.p50, 1)} | ${fixed(r.median.p99, 1)} | ` +
        `${statementsText(r.statements)} | ${fixed(r.median.serverCpuMs, 2)} (${cpuSpread(r.runs)}) | ${r.cpuRatio === null ? "" : fixed(r.cpuRatio, 1)} | ` +
        `${fixed(r.median.postgresCpuMs, 2)} | ${r.ratio === null ? "" : fixed(r.ratio, 2)} |`,
    );
  }
  return lines.join("\n");
}

/** A run at a fixed rate: W3 at half the server's measured maximum. */
export type RateRun = RunFigures & { rate: number };

/** What the table's columns mean, and the figures the targets are stated in. */
export function summaryNotes(
  rows: ResultRow[],
  run: { cores: number; database: string; statementSamples: number; deepPage: number; atHalfRate: Record<string, RateRun> },
): string[] {
  const notes = [
    `cores: share of the machine's ${run.cores} cores during the median run: the server process / the PostgreSQL backends of ${run.database} / ` +
      `the load generator (in its own process) / everything else (other processes on the machine, PostgreSQL background work ` +
      `and short-lived parallel workers) / idle. No CPU pinning.`,
    `SQL/req: x-sql-statements of ${run.statementSamples} sampled responses per workload (the session look-up of signed-in requests is not counted); ` +
      `the baseline runs one statement per request.`,
  ];
  notes.push(
    `failed: connection errors, client timeouts (30 s), non-2xx answers and answers carrying GraphQL errors (such as a statement timeout) in the median run.`,
  );
  const stalled = rows.filter((r) => r.median.requests === 0).map((r) => `${r.workload} (${r.target})`);
  if (stalled.length) notes.push(`No request completed within a run for ${stalled.join(", ")}: each took longer than the run.`);
  const deep = rows.find((r) => r.workload === "W4 deep" && r.target === "server");
  const first = rows.find((r) => r.workload === "W4 page 1" && r.target === "server");
  if (deep && first) {
    notes.push(
      `W4: page ${run.deepPage} p50 ${deep.median.p50.toFixed(1)} ms vs page 1 p50 ${first.median.p50.toFixed(1)} ms: ` +
        `${(deep.median.p50 / Math.max(first.median.p50, 0.01)).toFixed(2)}× (target ≤ 1.5× on 1,000,000 reports).`,
    );
  }
  for (const [key, r] of Object.entries(run.atHalfRate)) {
    notes.push(
      `${key} at 50% of the server's maximum rate (${Math.round(r.rate)} req/s, evenly spaced): p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms ` +
        `(target p99 < 50 ms on 1,000,000 reports).`,
    );
  }
  return notes;
}

const COLORS: Record<string, string> = { server: "#3566c8", baseline: "#9a9a9a", "server (cache)": "#2e9e5b" };

const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A plain horizontal bar chart of requests/s per workload: server, baseline and cached server side by side. */
export function svgChart(rows: ResultRow[], title: string): string {
  const workloads = [...new Set(rows.map((r) => r.workload))];
  const targets = Object.keys(COLORS);
  const bar = 14;
  const gap = 10;
  const left = 120;
  const width = 760;
  const top = 50;
  const max = Math.max(...rows.map((r) => r.median.requestsPerSecond), 1);
  const scale = (width - left - 90) / max;
  const parts: string[] = [];
  let y = top;
  for (const workload of workloads) {
    const group = targets.map((t) => rows.find((r) => r.workload === workload && r.target === t)).filter((r): r is ResultRow => Boolean(r));
    parts.push(`<text x="${left - 8}" y="${y + (group.length * bar) / 2 + 4}" text-anchor="end">${escape(workload)}</text>`);
    for (const r of group) {
      const w = Math.max(1, r.median.requestsPerSecond * scale);
      parts.push(`<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${bar - 2}" fill="${COLORS[r.target]}"/>`);
      const ratio = r.ratio === null ? "" : ` (${r.ratio.toFixed(2)}×)`;
      parts.push(`<text x="${(left + w + 4).toFixed(1)}" y="${y + bar - 4}" font-size="10">${Math.round(r.median.requestsPerSecond)}${ratio}</text>`);
      y += bar;
    }
    y += gap;
  }
  const legend = targets
    .map((t, i) => `<rect x="${left + i * 150}" y="28" width="10" height="10" fill="${COLORS[t]}"/><text x="${left + i * 150 + 14}" y="37" font-size="11">${t}</text>`)
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 20}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="18" font-size="13" font-weight="bold">${escape(title)}</text>`,
    legend,
    ...parts,
    `</svg>`,
    "",
  ].join("\n");
}

/** latest.json and latest.svg, and a copy of both named after the run, which later runs leave alone. */
export function writeResults(directory: string, runName: string, json: unknown, svg: string): void {
  fs.mkdirSync(directory, { recursive: true });
  for (const name of ["latest", runName]) {
    fs.writeFileSync(path.join(directory, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
    fs.writeFileSync(path.join(directory, `${name}.svg`), svg);
  }
}
