// `certorder serve` for the tests: the release build of the widget (dist/) with every provider
// answered by its sandbox simulator, on a free loopback port. Its JSON log lines (one per
// request: method, provider, operation, class, status; never a path, header or body) are kept
// for the request checker.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The binary `cargo xtask test` builds before the end-to-end tests (the dev profile, which
// `cargo test --workspace` builds anyway); CERTORDER_BIN overrides it.
export function serverBinary(root) {
  const bin = process.env.CERTORDER_BIN ?? join(root, 'target', 'debug', 'certorder');
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: build it with \`cargo test --workspace --no-run\` (cargo xtask test does)`);
  }
  return bin;
}

// `listen` is the address to bind (a free port by default); `env` adds CERTORDER_* settings.
export async function startServer(root, { env = {}, listen = '127.0.0.1:0' } = {}) {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist} has no index.html: build the widget with \`trunk build --release\``);
  }
  // Nothing from the caller's environment: every provider is a sandbox.
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('CERTORDER_')),
  );
  const child = spawn(
    serverBinary(root),
    ['serve', '--listen', listen, '--dist', dist],
    { env: { ...clean, RUST_LOG: 'info', ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const log = [];
  let buffered = '';
  let resolveUrl;
  let rejectUrl;
  const listening = new Promise((resolve, reject) => {
    resolveUrl = resolve;
    rejectUrl = reject;
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        entry = { message: line };
      }
      log.push(entry);
      const found = /listening on (http:\/\/[\d.]+:\d+)/.exec(entry.message ?? line);
      if (found) resolveUrl(found[1]);
    }
  });
  child.on('exit', (code) => rejectUrl(new Error(`certorder serve exited (${code}): ${log.map((l) => l.message).join(' | ')}`)));
  const timer = setTimeout(() => rejectUrl(new Error('certorder serve did not start in 30 s')), 30_000);
  const url = await listening.finally(() => clearTimeout(timer));
  return {
    url,
    // Request lines only (target certorder::request).
    requestLog: () => log.filter((l) => l.message === 'request'),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
