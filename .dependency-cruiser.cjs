/**
 * The server's layers (docs/architecture.md): each folder imports only what its rule allows, and
 * nothing imports in a circle. `import type` counts (tsPreCompilationDeps), since a type-only
 * edge still ties two files together for a reader.
 */
const LAYER = (name) => `^server/src/${name}/`;

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Files import in one direction; only entity files of sibling modules may name each other's types (TypeORM relations).",
      from: {},
      to: { circular: true, viaSomeNot: "\\.entity\\.ts$" },
    },
    {
      name: "kernel-imports-only-packages",
      severity: "error",
      comment: "kernel/ holds the helpers every layer uses; it knows no domain and no framework wiring.",
      from: { path: LAYER("kernel") },
      to: { path: "^server/src/", pathNot: LAYER("kernel") },
    },
    {
      name: "modules-below-the-api",
      severity: "error",
      comment:
        "Modules hold entities and services; they know nothing of the API (graphql/, where resolvers, inputs and object types live, and http/), the database set-up or the start-up.",
      from: { path: LAYER("modules") },
      to: { path: [LAYER("graphql"), LAYER("http"), LAYER("db"), LAYER("scripts"), LAYER("app"), "^server/src/(index|config)\\.ts$"] },
    },
    {
      name: "graphql-below-http",
      severity: "error",
      comment: "The schema, context and loaders do not know the HTTP server, the database set-up or the start-up.",
      from: { path: LAYER("graphql") },
      to: { path: [LAYER("http"), LAYER("db"), LAYER("scripts"), "^server/src/(index|config)\\.ts$"] },
    },
    {
      name: "db-knows-no-module",
      severity: "error",
      comment: "The data source, migrations and embedded database take the entity list as a parameter.",
      from: { path: LAYER("db") },
      to: { path: "^server/src/", pathNot: [LAYER("db"), LAYER("kernel")] },
    },
    {
      name: "nothing-imports-the-start-up",
      severity: "error",
      comment: "index.ts and app/ (the demo seed) start the server; only index.ts may use app/.",
      from: { pathNot: ["^server/src/index\\.ts$", LAYER("app")] },
      to: { path: ["^server/src/index\\.ts$", LAYER("app")] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^server/src/",
    tsPreCompilationDeps: true,
    // TypeScript 7 has no compiler API for dependency-cruiser to parse with; swc keeps `import type` in its syntax tree.
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
  },
};
