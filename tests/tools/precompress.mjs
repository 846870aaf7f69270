// `make dist`'s last step: a brotli (`.br`) and a gzip (`.gz`) copy beside every text file in a
// folder (default dist/), compressed once at the highest level, for a server that sends
// precompressed files (deploy/nginx.conf: `brotli_static`, `gzip_static`) instead of compressing
// each answer. PNGs are compressed already; a copy that would not be smaller is not written.
// The copies are of the files as they are now: run it again after changing a file.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt', '.xml']);
export const PRECOMPRESSED = /\.(br|gz)$/;

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** Every file under `dir` that gets compressed copies, as paths. */
export function compressible(dir) {
  const out = [];
  (function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (COMPRESSIBLE.has(extname(p))) out.push(p);
    }
  })(dir);
  return out.sort();
}

/** The brotli bytes of `raw` as `make dist` writes them. */
export function brotli(raw) {
  return br(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
    },
  });
}

export async function precompress(dir) {
  const files = compressible(dir);
  let raw = 0, brotliBytes = 0, written = 0;
  // zlib runs in libuv's thread pool: a few files at a time use both cores.
  await Promise.all(files.map(async (file) => {
    const bytes = readFileSync(file);
    const [b, g] = await Promise.all([brotli(bytes), gz(bytes, { level: 9 })]);
    raw += bytes.length;
    for (const [ext, body] of [['.br', b], ['.gz', g]]) {
      if (body.length < bytes.length) {
        writeFileSync(file + ext, body);
        written++;
      } else {
        rmSync(file + ext, { force: true });
      }
    }
    brotliBytes += Math.min(b.length, bytes.length);
  }));
  return { files: files.length, written, raw, brotli: brotliBytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const t0 = performance.now();
  const r = await precompress(dir);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`precompress: ${r.written} .br/.gz copies of ${r.files} files in ${relative('.', dir) || '.'}/ (${kb(r.raw)} → ${kb(r.brotli)} brotli) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
