import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("schema.graphql", () => {
  it("is exactly what the built server's code generates (run `npm run schema` after a schema change)", async () => {
    // The compiled code, as the server runs it: decorator metadata comes from tsc.
    const { buildAppSchema, printAppSchema } = require("../dist/server/src/graphql/schema.js") as typeof import("../server/src/graphql/schema");
    const generated = printAppSchema(await buildAppSchema());
    const committed = fs.readFileSync(path.resolve(__dirname, "../schema.graphql"), "utf8");
    expect(committed).toBe(generated);
  });
});
