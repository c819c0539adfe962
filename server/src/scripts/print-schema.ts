// Writes the GraphQL contract to schema.graphql (or checks it with --check).
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { buildAppSchema, printAppSchema } from "../schema";

async function main(): Promise<void> {
  const file = path.resolve(__dirname, "../../../../schema.graphql");
  const text = printAppSchema(await buildAppSchema());
  if (process.argv.includes("--check")) {
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) {
      console.error("schema.graphql is stale: run npm run schema");
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(file, text);
  console.log(`wrote ${file}`);
}

void main();
