// `make serve`: the release build in dist/, served as any static host would (no rewrite rules),
// on http://127.0.0.1:8080 (PORT= to change it).
import { resolve } from 'node:path';
import { serve } from '../e2e/harness.mjs';

const root = process.argv[2] ?? 'dist';
const server = await serve(resolve(root), Number(process.env.PORT ?? 8080));
console.log(`Chỉ số: ${server.url} serves ${root}/ (the page; embeds at ${server.url}embed-pillars.html). Ctrl-C stops.`);
