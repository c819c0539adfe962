import type { CodegenConfig } from "@graphql-codegen/cli";

// Types the admin panel's operations from the committed contract (schema.graphql), not from a
// running server, so that `npm run codegen` works offline and CI can tell when admin/src/gql is
// stale. Paths are relative to the repository root, where npm runs scripts.
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["admin/src/**/*.{ts,tsx}", "!admin/src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "admin/src/gql/": {
      preset: "client",
      // react-admin hands records around untyped (record contexts, forms); masked fragments would
      // have to be unmasked at every such boundary for nothing.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        strictScalars: true,
        scalars: { DateTimeISO: "string", JSON: "unknown" },
      },
    },
  },
};

export default config;
