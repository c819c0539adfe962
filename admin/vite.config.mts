import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { precompress } from "../tools/precompress.mts";

// Built into dist/admin and served by the server at /admin (npm run build).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/admin/",
  plugins: [react(), precompress()],
  build: {
    outDir: "../dist/admin",
    emptyOutDir: true,
    // The vendor chunk (react-admin with MUI) is about 1.3 MB; a bigger chunk is worth a warning.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Libraries change less often than the panel: in chunks of their own, a new release of
        // the panel leaves them in the browser's cache. The body editor goes apart, since only
        // the report forms need it (App.tsx loads the screens after the sign-in), and so do
        // icons, which stay with the screens that show them. A group takes along the
        // dependencies of what it matches, so the vendor group picks first: otherwise the editor
        // group would take react-admin and MUI with ra-input-rich-text.
        codeSplitting: {
          groups: [
            { name: "vendor", test: /[\\/]node_modules[\\/](?!@mui[\\/]icons-material|@tiptap|prosemirror-|ra-input-rich-text|linkifyjs)/, priority: 2 },
            { name: "editor", test: /[\\/]node_modules[\\/](@tiptap|prosemirror-|ra-input-rich-text|linkifyjs)/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { "/graphql": "http://localhost:4000", "/images": "http://localhost:4000" } },
});
