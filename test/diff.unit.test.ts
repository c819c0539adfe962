import { describe, expect, it } from "vitest";
import { diffTokens, diffWords } from "../admin/src/diff";

// The admin panel's diffs (disclaimers, correction fields, report bodies), without a browser.

describe("diffs", () => {
  it("mark the words a new text adds and removes, whitespace kept with them", () => {
    expect(diffWords("본 보고서는 소속 애널리스트가 작성한 자료입니다.", "본 보고서는 리서치센터가 작성한 자료입니다.")).toEqual([
      { kind: "same", text: "본 보고서는 " },
      { kind: "removed", text: "소속 애널리스트가 " },
      { kind: "added", text: "리서치센터가 " },
      { kind: "same", text: "작성한 자료입니다." },
    ]);
    expect(diffWords("같은 글", "같은 글")).toEqual([{ kind: "same", text: "같은 글" }]);
  });

  it("compare lists of tokens, keeping the order of both", () => {
    expect(diffTokens(["김", "이", "박"], ["이", "박", "최"])).toEqual([
      { kind: "removed", token: "김" },
      { kind: "same", token: "이" },
      { kind: "same", token: "박" },
      { kind: "added", token: "최" },
    ]);
  });

  it("set aside a long common start and end, and show a middle too large to compare as replaced whole", () => {
    const common = Array.from({ length: 50_000 }, (_, i) => `w${i}`);
    const steps = diffTokens([...common, "옛", ...common], [...common, "새", ...common]);
    expect(steps.filter((s) => s.kind !== "same")).toEqual([
      { kind: "removed", token: "옛" },
      { kind: "added", token: "새" },
    ]);
    const [a, b] = [Array.from({ length: 3_000 }, (_, i) => `a${i}`), Array.from({ length: 3_000 }, (_, i) => `b${i}`)];
    const rewrite = diffTokens(["머리", ...a], ["머리", ...b]);
    expect(rewrite).toHaveLength(6_001);
    expect(rewrite.slice(1, 3_001).every((s) => s.kind === "removed")).toBe(true);
    expect(rewrite.slice(3_001).every((s) => s.kind === "added")).toBe(true);
  });
});
