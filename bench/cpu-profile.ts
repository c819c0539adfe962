// Reads a V8 CPU profile (.cpuprofile, as DevTools and --cpu-prof write it) into self time per
// function and per area of the code: the packages under node_modules, the server's own layers,
// Node's internals, and V8's garbage collector.

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
}

export interface ProfileSummary {
  /** Wall time the profile covers, ms. */
  wallMs: number;
  /** Time the main thread waited for work ("(idle)"), ms. */
  idleMs: number;
  /** Time the main thread ran (everything but "(idle)"), ms. */
  busyMs: number;
  areas: SelfTime[];
  functions: SelfTime[];
}

/** Which part of the code a frame belongs to, by its script's URL. */
export function areaOf(frame: CallFrame): string {
  if (!frame.url) {
    if (frame.functionName === "(garbage collector)") return "V8 garbage collector";
    if (frame.functionName === "(program)") return "V8 and native code (program)";
    if (frame.functionName === "(idle)") return "(idle)";
    return "V8 builtins and native";
  }
  const path = frame.url.replace(/^file:\/\//, "");
  // The innermost package: a dependency nested under another is its own area.
  const packageMatch = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (packageMatch) return packageMatch[1];
  const server = /\/server\/src\/([^/]+)\//.exec(path);
  if (server) return `server/${server[1]}`;
  if (path.includes("/server/src/")) return "server (top level)";
  if (path.startsWith("node:")) return `node:${path.slice(5).replace(/^internal\//, "").split("/")[0]}`;
  return "other";
}

const location = (frame: CallFrame): string => {
  if (!frame.url) return "";
  const file = frame.url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "").replace(/^.*\/dist\//, "");
  return ` (${file}:${frame.lineNumber + 1})`;
};

const ranked = (totals: Map<string, number>): SelfTime[] => [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);

/** Self time per area and per function; each sample is charged the time until the next one. */
export function summarise(profile: CpuProfile): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = frames.get(profile.samples[i])!;
    const area = areaOf(frame);
    if (area === "(idle)") {
      idle += ms;
      continue;
    }
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const name = `${frame.functionName || "(anonymous)"}${location(frame)}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const wallMs = (profile.endTime - profile.startTime) / 1000;
  return { wallMs, idleMs: idle, busyMs: [...areas.values()].reduce((a, b) => a + b, 0), areas: ranked(areas), functions: ranked(functions) };
}
