import { describe, expect, it } from "vitest";
import { areaOf, summarise, type CpuProfile } from "../bench/cpu-profile";

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });

describe("bench:profile's reading of a CPU profile", () => {
  it("names the area of a frame by its script", () => {
    expect(areaOf(frame("execute", "file:///app/node_modules/graphql/execution/execute.js"))).toBe("graphql");
    expect(areaOf(frame("runHttpQuery", "file:///app/node_modules/@apollo/server/dist/cjs/runHttpQuery.js"))).toBe("@apollo/server");
    expect(areaOf(frame("x", "file:///app/node_modules/a/node_modules/pg/lib/result.js"))).toBe("pg");
    expect(areaOf(frame("report", "file:///app/dist/server/src/graphql/report/report.resolver.js"))).toBe("server/graphql");
    expect(areaOf(frame("main", "file:///app/dist/server/src/index.js"))).toBe("server (top level)");
    expect(areaOf(frame("writevGeneric", "node:internal/stream_base_commons"))).toBe("node:stream_base_commons");
    expect(areaOf(frame("emit", "node:events"))).toBe("node:events");
    expect(areaOf(frame("(garbage collector)", ""))).toBe("V8 garbage collector");
    expect(areaOf(frame("(idle)", ""))).toBe("(idle)");
    expect(areaOf(frame("writev", ""))).toBe("V8 builtins and native");
  });

  it("charges each sample the time until the next and leaves idle time out of the busy time", () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("(idle)", "") },
        { id: 2, callFrame: frame("execute", "file:///a/node_modules/graphql/execution/execute.js") },
        { id: 3, callFrame: frame("parseRow", "file:///a/node_modules/pg/lib/result.js") },
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [2, 2, 3, 1, 2],
      timeDeltas: [0, 1_000, 2_000, 3_000, 4_000],
    };
    const summary = summarise(profile);
    expect(summary.wallMs).toBe(10);
    // Samples 1–2 (graphql) get 1 + 2 ms, sample 3 (pg) 3 ms, the idle sample 4 ms, the last none.
    expect(summary.idleMs).toBe(4);
    expect(summary.busyMs).toBe(6);
    expect(summary.areas).toEqual([
      { name: "graphql", ms: 3 },
      { name: "pg", ms: 3 },
    ]);
    expect(summary.functions[0]).toEqual({ name: "execute (graphql/execution/execute.js:10)", ms: 3 });
  });
});
