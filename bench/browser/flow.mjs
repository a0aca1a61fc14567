// The order flow as a customer feels it, on loopback, in headless Chromium: load to
// interactive, and click on "Place the order" to the status page shown.
//
//   node bench/browser/flow.mjs --bin CERTORDER [--dist DIR] [--runs N]
//
// --bin is a built `certorder` (the `native` profile, what a deployment runs); it serves --dist
// (`trunk build --release`'s output, default dist/) with every provider answered by its sandbox
// simulator, on a free loopback port, as `cargo xtask demo` does.
//
// - load: a new browser context (nothing cached, nothing stored) opens the wizard's first step
//   for Gandi v5; the time runs from the navigation's start (performance.timeOrigin) to the
//   first animation frame after the first product's radio button is in the DOM: the page has
//   read its configuration and the catalog and can be clicked.
// - submit: the wizard filled in (product, CSR, names, DNS validation, terms); the time runs
//   from the click on "Place the order" to the first animation frame after the status page's
//   heading is in the DOM, the order placed through the proxy in between.
//
// Prints one JSON object per line: {"chromium"}, then {"measure": "load"|"submit", "runs",
// "median_ms", "max_ms"} or {"measure", "error"}. `cargo xtask bench flow` runs it.
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../e2e/support/chromium.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../../e2e/support/server.mjs';
import { makeCsr } from '../../e2e/support/csr.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const PRODUCT = /^Standard \(up to 3 names\)/;
const NAMES = ['bench.certorder-demo.net', 'www.bench.certorder-demo.net'];

const { values: opts } = parseArgs({
  options: {
    bin: { type: 'string' },
    dist: { type: 'string', default: join(root, 'dist') },
    runs: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
  },
});
if (!opts.bin) {
  console.error('usage: node bench/browser/flow.mjs --bin CERTORDER [--dist DIR] [--runs N]');
  process.exit(2);
}
process.env.CERTORDER_BIN = resolve(opts.bin);

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { runs: sorted.length, median_ms: round(median), max_ms: round(sorted.at(-1)) };
}
const round = (ms) => Math.round(ms * 100) / 100;

// Resolves, inside the page, at the first animation frame after `selector` matches: the frame
// that paints it. Installed before the action it times.
function paintedWhen(selector) {
  return new Promise((done) => {
    const frame = () => requestAnimationFrame(() => done(performance.now()));
    if (document.querySelector(selector)) return frame();
    const seen = new MutationObserver(() => {
      if (document.querySelector(selector)) {
        seen.disconnect();
        frame();
      }
    });
    seen.observe(document, { subtree: true, childList: true, characterData: true });
  });
}

async function loadOnce(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Registered before any script of the page runs, so the first paint with a product counts.
    await page.addInitScript(`window.__interactive = (${paintedWhen})('input[name=product]');`);
    await page.goto(`${url}/#/order/product?provider=gandi-v5`);
    return await page.evaluate(() => window.__interactive);
  } finally {
    await context.close();
  }
}

async function submitOnce(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const { csr } = makeCsr(NAMES);
    await page.goto(`${url}/#/order/product?provider=gandi-v5`);
    await page.getByRole('radio', { name: PRODUCT }).first().check();
    const period = page.getByLabel('Period');
    const periods = await period.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    await period.selectOption(periods[0]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('CSR (PEM)').fill(csr);
    await page.locator('[data-testid=verdict]:not([data-signature=checking])').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Names on the certificate', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    const method = page.getByLabel('Method for every name');
    const options = await method.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
    await method.selectOption(options.find((o) => /DNS/.test(o.text)).value);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check your answers', level: 1 }).waitFor();
    await page.getByRole('checkbox', { name: /I accept/ }).check();
    const submit = page.getByRole('button', { name: 'Place the order' });
    await page.waitForFunction(
      () => ![...document.querySelectorAll('button')].find((b) => b.textContent.includes('Place the order'))?.disabled,
    );
    await submit.waitFor();
    return await page.evaluate(async (painted) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.includes('Place the order'));
      // The status page's heading (the wizard's steps have their own).
      const shown = new Function(`return (${painted})`)()('h1#status-heading');
      const started = performance.now();
      button.click();
      return (await shown) - started;
    }, paintedWhen.toString());
  } finally {
    await context.close();
  }
}

// The benchmark places a dozen orders within seconds from one client, which the server's
// per-client limit on billable calls (5 at once, 10 a minute) would refuse; it measures the
// order flow, not the limit.
const server = await startServer(root, {
  env: { CERTORDER_BILLABLE_PER_MINUTE: '100000', CERTORDER_BILLABLE_BURST: '1000' },
});
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  console.log(JSON.stringify({ chromium: browser.version() }));
  const runs = Number(opts.runs);
  const warmup = Number(opts.warmup);
  for (const [measure, once] of [['load', loadOnce], ['submit', submitOnce]]) {
    try {
      const times = [];
      for (let i = 0; i < warmup + runs; i++) {
        const ms = await once(browser, server.url);
        if (i >= warmup) times.push(ms);
      }
      console.log(JSON.stringify({ measure, ...summary(times) }));
    } catch (error) {
      console.log(JSON.stringify({ measure, error: String(error.message ?? error).split('\n')[0] }));
    }
  }
} finally {
  await browser.close();
  await server.close();
}
