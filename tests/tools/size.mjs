// Raw and brotli size of every file in a folder (default dist/), and the totals. The brotli size
// is that of the file's `.br` copy where `make dist` wrote one (what a server sends), otherwise
// compressed here; the `.br` and `.gz` copies are not listed as files of their own.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p); else if (!/\.(br|gz)$/.test(p)) files.push(p);
  }
})(root);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
let raw = 0, br = 0;
console.log(`${'file'.padEnd(56)} ${'raw KB'.padStart(8)} ${'br KB'.padStart(8)}`);
for (const f of files.sort()) {
  const bytes = readFileSync(f);
  const b = existsSync(`${f}.br`)
    ? statSync(`${f}.br`).size
    : Math.min(bytes.length, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  raw += bytes.length; br += b;
  console.log(`${relative(root, f).padEnd(56)} ${kb(bytes.length)} ${kb(b)}`);
}
console.log(`${'total'.padEnd(56)} ${kb(raw)} ${kb(br)}`);
