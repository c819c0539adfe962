import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats; images and woff2 fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|map|txt|ttf|wasm)$/;

// A walk of its own: Dirent.parentPath, which recursive readdir needs, is missing before Node 20.12.
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}

async function writeIfSmaller(file: string, original: Buffer, compressed: Buffer): Promise<void> {
  if (compressed.length < original.length) await fs.writeFile(file, compressed);
}

/**
 * Writes a `.br` and a `.gz` beside every text file of the build, at the strongest settings: they
 * are made once per build, and @fastify/static (`preCompressed`) sends whichever the browser
 * accepts, so the server never compresses per request. A few lines of node:zlib rather than a
 * plugin package: nothing else to keep up to date, and the same output for the admin panel and
 * the explorer. A compressed copy that is not smaller is left out; the original is sent instead.
 */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "research-desk:precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await filesUnder(outDir)).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const original = await fs.readFile(file);
          const [br, gz] = await Promise.all([
            brotli(original, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: original.length,
              },
            }),
            gzip(original, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeIfSmaller(`${file}.br`, original, br), writeIfSmaller(`${file}.gz`, original, gz)]);
        }),
      );
    },
  };
}
