import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../e2e/support/chromium.mjs';
import { readFile } from 'node:fs/promises';
import { serveDist } from '../../e2e/support/static-server.mjs';
const [site, key, engine = 'certorder', ms = '3000'] = process.argv.slice(2);
const server = await serveDist(site);
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage();
await page.goto(server.url);
await page.waitForFunction(() => window.benchReady === true);
const pem = await readFile(`bench/fixtures/${key}.csr`, 'utf8');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 25 });
// warm
await page.evaluate(async ({ pem }) => { const m = await import('./pkg/certorder_bench_wasm.js'); await m.default(); window.m = m; window.bytes = new TextEncoder().encode(pem); await m.inspectTimes(window.bytes, 200); }, { pem });
await cdp.send('Profiler.start');
const n = await page.evaluate(async ({ ms, engine }) => { const t0 = performance.now(); let n = 0; while (performance.now() - t0 < ms) { n += await (engine === 'certorder' ? window.m.inspectTimes(window.bytes, 50) : window.m.verifyTimes(window.bytes, 50)); } return { n, ms: performance.now() - t0 }; }, { ms: Number(ms), engine });
const { profile } = await cdp.send('Profiler.stop');
console.log(JSON.stringify(n), 'per op µs', (n.ms * 1000 / n.n).toFixed(1));
const self = new Map();
const dt = new Map();
const total = profile.samples.length;
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
for (const node of profile.nodes) {
  const c = counts.get(node.id) ?? 0;
  const name = node.callFrame.functionName || `(${node.callFrame.url.split('/').pop()})`;
  self.set(name, (self.get(name) ?? 0) + c);
}
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 45);
for (const [name, c] of rows) console.log(((100 * c) / total).toFixed(1).padStart(5), '%', name.slice(0, 150));
await browser.close(); await server.close();
