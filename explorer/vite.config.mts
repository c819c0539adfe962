import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { precompress } from "../tools/precompress.mts";

// The GraphQL explorer: built into dist/explorer, its page sent by the server for GET /graphql
// from a browser and its files served at /explorer/assets/ (npm run build). Everything it loads
// comes from this build, so it works on networks without access to CDNs.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/explorer/",
  plugins: [react(), precompress()],
  // The editor's language services run in module workers (graphiql/setup-workers/vite).
  worker: { format: "es" },
  build: {
    outDir: "../dist/explorer",
    emptyOutDir: true,
    // Monaco is one large module; the explorer is a staff tool, loaded once and then cached.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      // GraphiQL's files carry React Compiler's "use no memo", which only matters to the compiler
      // its authors ran; bundling drops it harmlessly, and the warnings would hide real ones.
      onLog(level, log, handler) {
        if (log.code !== "MODULE_LEVEL_DIRECTIVE") handler(level, log);
      },
    },
  },
  server: { proxy: { "/graphql": "http://localhost:4000" } },
});
