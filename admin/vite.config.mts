import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Built into dist/admin and served by the server at /admin (npm run build).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/admin/",
  plugins: [react()],
  build: { outDir: "../dist/admin", emptyOutDir: true, chunkSizeWarningLimit: 3000 },
  server: { proxy: { "/graphql": "http://localhost:4000", "/images": "http://localhost:4000" } },
});
