import { isDeepStrictEqual } from "node:util";

export interface FieldChanges {
  fields: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** The fields whose values differ between two plain snapshots, with both values. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = { fields: [], before: {}, after: {} };
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (isDeepStrictEqual(before[field], after[field])) continue;
    changes.fields.push(field);
    changes.before[field] = before[field] ?? null;
    changes.after[field] = after[field] ?? null;
  }
  return changes;
}
