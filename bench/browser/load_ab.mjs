// Load to interactive from two `certorder` binaries serving the same dist/, side by side: cold
// loads (a new browser context each) of the wizard's first step for Gandi v5, the two servers
// taking turns, 2 warm-up rounds, then RUNS measured rounds. For each: the median time to the
// first frame with a product to click, the median time the wasm was fully received, and the
// wasm's bytes on the wire.
//
//   node bench/browser/load_ab.mjs OLD_CERTORDER NEW_CERTORDER [RUNS]
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../e2e/support/chromium.mjs';
import { startServer } from '../../e2e/support/server.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [oldBin, newBin, runs = '12'] = process.argv.slice(2);
if (!newBin) {
  console.error('usage: node bench/browser/load_ab.mjs OLD_CERTORDER NEW_CERTORDER [RUNS]');
  process.exit(2);
}
const servers = {};
for (const [name, bin] of [['old', oldBin], ['new', newBin]]) {
  process.env.CERTORDER_BIN = resolve(bin);
  servers[name] = await startServer(root);
}
const browser = await chromium.launch(chromiumLaunchOptions());
const results = { old: [], new: [] };
async function once(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__t = new Promise((done) => {
      const seen = new MutationObserver(() => {
        if (document.querySelector('input[name=product]')) { seen.disconnect(); requestAnimationFrame(() => done(performance.now())); }
      });
      seen.observe(document, { subtree: true, childList: true });
    });
  });
  await page.goto(`${url}/#/order/product?provider=gandi-v5`);
  const r = await page.evaluate(async () => {
    const t = await window.__t;
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    return { interactive: t, wasmEnd: wasm.responseEnd, wasmBytes: wasm.transferSize };
  });
  await context.close();
  return r;
}
for (let i = 0; i < Number(runs) + 2; i++) {
  for (const name of i % 2 ? ['old', 'new'] : ['new', 'old']) {
    const r = await once(servers[name].url);
    if (i >= 2) results[name].push(r);
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length / 2; return s.length % 2 ? s[Math.floor(m)] : (s[m - 1] + s[m]) / 2; };
for (const name of ['old', 'new']) {
  const rs = results[name];
  console.log(JSON.stringify({ server: name, runs: rs.length, interactive_ms: median(rs.map((r) => r.interactive)).toFixed(1), wasm_received_ms: median(rs.map((r) => r.wasmEnd)).toFixed(1), wasm_bytes: median(rs.map((r) => r.wasmBytes)) }));
}
await browser.close();
process.exit(0);
