export type DiffKind = "same" | "added" | "removed";

export interface Segment {
  kind: DiffKind;
  text: string;
}

/** One token of the longer sequence of a diff, with what happened to it. */
export interface Step {
  kind: DiffKind;
  token: string;
}

/**
 * Above this many cells (about 16 MB) the longest common subsequence is not computed: what differs
 * between the common start and end is shown as removed and added whole. A correction changes
 * little, so its middle stays far below it; a body rewritten from top to bottom does not.
 */
const MAX_TABLE_CELLS = 4_000_000;

/**
 * A token-level diff (longest common subsequence, after the common start and end are set aside),
 * for highlighting what a reviewer must notice: words of a disclaimer, names in a list, words and
 * tags of a report body.
 */
export function diffTokens(before: readonly string[], after: readonly string[]): Step[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const same = (token: string): Step => ({ kind: "same", token });
  return [
    ...before.slice(0, start).map(same),
    ...diffMiddle(before.slice(start, endBefore), after.slice(start, endAfter)),
    ...before.slice(endBefore).map(same),
  ];
}

function diffMiddle(a: string[], b: string[]): Step[] {
  const removed = (token: string): Step => ({ kind: "removed", token });
  const added = (token: string): Step => ({ kind: "added", token });
  if ((a.length + 1) * (b.length + 1) > MAX_TABLE_CELLS) return [...a.map(removed), ...b.map(added)];
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", token: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push(removed(a[i++]));
    else out.push(added(b[j++]));
  }
  return [...out, ...a.slice(i).map(removed), ...b.slice(j).map(added)];
}

/** A word-level diff of two short texts, such as disclaimers. Whitespace stays attached to the words. */
export function diffWords(before: string, after: string): Segment[] {
  const out: Segment[] = [];
  for (const { kind, token } of diffTokens(before.match(/\S+\s*/g) ?? [], after.match(/\S+\s*/g) ?? [])) {
    const last = out.at(-1);
    if (last?.kind === kind) last.text += token;
    else out.push({ kind, text: token });
  }
  return out;
}
