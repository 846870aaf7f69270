// Debian's nginx serving a built dist/ with deploy/nginx.conf, as a test's server: on a free
// loopback port, in the foreground (no daemon), everything it writes (pid, logs, temp folders,
// the configuration) in a temporary folder, nothing under /etc, /var or /run.
//
//   const server = await startNginx('dist');   // { url, port, prefix, stop() }
//   ...
//   await server.stop();
//
// `node tests/tools/nginx.mjs [DIST]` (`make serve-nginx`) serves dist/ this way until Ctrl-C,
// on PORT= if given.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
export const BROTLI_MODULE = process.env.NGINX_BROTLI ?? '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
// CHISO_NGINX_CONF: another site file in its place (to see the smoke suite fail on a wrong one).
export const SITE_CONF = resolve(process.env.CHISO_NGINX_CONF ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../deploy/nginx.conf'));
/** The folder deploy/nginx.conf names for the site; replaced by the one served. */
const DEPLOYED_ROOT = '/srv/chiso';

async function freePort() {
  const server = createServer();
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

function answers(port) {
  return new Promise((ok) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); ok(true); });
    socket.once('error', () => ok(false));
  });
}

/** deploy/nginx.conf, changed only where a test must: the folder served and the port. */
export function siteConf(root, port) {
  let conf = readFileSync(SITE_CONF, 'utf8');
  const change = (from, to) => {
    if (!conf.includes(from)) throw new Error(`deploy/nginx.conf no longer says ${JSON.stringify(from)}: update tests/tools/nginx.mjs`);
    conf = conf.replaceAll(from, to);
  };
  change('listen 80;', `listen 127.0.0.1:${port};`);
  change('listen [::]:80;', '');
  change(`${DEPLOYED_ROOT};`, `${root};`);
  change(`${DEPLOYED_ROOT}/csp.conf;`, `${root}/csp.conf;`);
  return conf;
}

/** Starts nginx on `dist`, on `port` (a free one when not given). */
export async function startNginx(dist = 'dist', { port: wanted } = {}) {
  const root = resolve(dist);
  for (const [path, what] of [[NGINX, 'nginx (make setup-nginx installs it)'], [BROTLI_MODULE, 'the brotli_static module (libnginx-mod-http-brotli-static)'], [join(root, 'csp.conf'), `${dist}/csp.conf (make dist writes it)`]]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: ${what}`);
  }
  const port = wanted ?? await freePort();
  const site = siteConf(root, port); // before the folder: a wrong site file leaves nothing behind
  const prefix = mkdtempSync(join(tmpdir(), 'chiso-nginx-'));
  const p = (name) => join(prefix, name);
  writeFileSync(p('site.conf'), site);
  writeFileSync(p('nginx.conf'), `# Written by tests/tools/nginx.mjs: Debian's nginx, everything it writes under ${prefix}.
# One process in the foreground, the test's child: it stops with the test. (No worker to switch
# to another user either: it reads the build wherever the checkout is, /root included.)
daemon off;
master_process off;
pid ${p('nginx.pid')};
lock_file ${p('nginx.lock')};
error_log ${p('error.log')} warn;
load_module ${BROTLI_MODULE};
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log ${p('access.log')};
    client_body_temp_path ${p('body')};
    proxy_temp_path ${p('proxy')};
    fastcgi_temp_path ${p('fastcgi')};
    uwsgi_temp_path ${p('uwsgi')};
    scgi_temp_path ${p('scgi')};
    include ${p('site.conf')};
}
`);
  const child = spawn(NGINX, ['-p', prefix, '-c', p('nginx.conf'), '-e', p('error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  let done = false;
  exited.then(() => { done = true; });
  // What nginx said: on stderr before it read its configuration, in error.log after.
  const log = () => `${stderr}\n${existsSync(p('error.log')) ? readFileSync(p('error.log'), 'utf8') : ''}`.trim();
  const stop = async () => {
    if (!done) child.kill('SIGTERM');
    await exited;
    rmSync(prefix, { recursive: true, force: true });
  };
  // A test process that ends without `stop` (an uncaught error) still takes nginx and its folder
  // with it. (nginx stays in the process group, so a signal to the group reaches it too.)
  process.once('exit', () => {
    if (!done) child.kill('SIGKILL');
    rmSync(prefix, { recursive: true, force: true });
  });
  const deadline = Date.now() + 10000;
  while (!(await answers(port))) {
    if (done || Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start on port ${port}: ${log() || 'no message'}`);
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return { url: `http://127.0.0.1:${port}/`, port, prefix, log, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startNginx(process.argv[2] ?? 'dist', { port: Number(process.env.PORT) || undefined });
  console.log(`nginx (deploy/nginx.conf) serves ${process.argv[2] ?? 'dist'}/ at ${server.url}; Ctrl-C stops it.`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.stop().then(() => process.exit(0)));
}
