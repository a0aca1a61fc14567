// The browser benchmark: certorder (wasm) and @peculiar/x509 side by side in headless Chromium,
// with certorder's WebCrypto calls alone beside them.
//
//   node bench/browser/bench.mjs --pkg DIR --out DIR [--corpus DIR] [--rounds N] [--slice-ms MS]
//
// --pkg is wasm-bindgen's output for bench/wasm (certorder_bench_wasm.js and its .wasm); --out is
// a scratch directory the page is assembled in and served from. Prints one JSON object per line:
// first {"chromium": VERSION}, then one per key type and engine with ops_per_sec and median_ns,
// or an error. `cargo xtask bench` runs it and reads those lines.
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../e2e/support/chromium.mjs';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveDist } from '../../e2e/support/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const KEYS = ['rsa2048', 'rsa3072', 'rsa4096', 'p256', 'p384', 'p521', 'ed25519'];

const { values: opts } = parseArgs({
  options: {
    pkg: { type: 'string' },
    out: { type: 'string' },
    corpus: { type: 'string', default: join(here, '..', 'fixtures') },
    rounds: { type: 'string', default: '8' },
    'slice-ms': { type: 'string', default: '150' },
    'batch-ms': { type: 'string', default: '10' },
    'warm-ms': { type: 'string', default: '200' },
  },
});
if (!opts.pkg || !opts.out) {
  console.error('usage: node bench/browser/bench.mjs --pkg DIR --out DIR [--corpus DIR]');
  process.exit(2);
}

// The page, the x509 bundle and the wasm package in one directory, served as a static site.
const site = resolve(opts.out);
await rm(site, { recursive: true, force: true });
await mkdir(join(site, 'pkg'), { recursive: true });
await cp(join(here, 'index.html'), join(site, 'index.html'));
const modules = join(here, '..', 'node_modules');
await cp(join(modules, '@peculiar', 'x509', 'build', 'x509.js'), join(site, 'x509.js'));
await cp(join(modules, 'reflect-metadata', 'Reflect.js'), join(site, 'reflect-metadata.js'));
for (const file of await readdir(opts.pkg)) {
  if (file.endsWith('.js') || file.endsWith('.wasm')) {
    await cp(join(opts.pkg, file), join(site, 'pkg', file));
  }
}
const corpus = [];
for (const key of KEYS) {
  corpus.push({ key, pem: await readFile(join(opts.corpus, `${key}.csr`), 'utf8') });
}

const server = await serveDist(site);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(server.url);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 }).catch(() => {
    throw new Error(`the benchmark page did not load: ${errors.join('; ') || 'no error reported'}`);
  });
  console.log(JSON.stringify({ chromium: browser.version() }));
  const results = await page.evaluate((options) => window.runBench(options), {
    corpus,
    rounds: Number(opts.rounds),
    sliceMs: Number(opts['slice-ms']),
    batchMs: Number(opts['batch-ms']),
    warmMs: Number(opts['warm-ms']),
  });
  for (const result of results) console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}
