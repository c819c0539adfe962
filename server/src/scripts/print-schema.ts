// Writes the GraphQL contract to schema.graphql at the repository root (`npm run schema`).
import fs from "node:fs";
import path from "node:path";
import { buildAppSchema, printAppSchema } from "../graphql/schema";

async function main(): Promise<void> {
  const file = path.resolve(__dirname, "../../../../schema.graphql");
  fs.writeFileSync(file, printAppSchema(await buildAppSchema()));
  console.log(`wrote ${file}`);
}

void main();
