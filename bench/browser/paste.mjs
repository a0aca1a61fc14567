// Paste to report: how long the widget takes from the input event of a pasted CSR to the report
// on screen, in headless Chromium.
//
//   node bench/browser/paste.mjs --dist DIR [--corpus DIR] [--runs N]
//
// --dist is `trunk build --release`'s output. For every key type, the text area is emptied (and
// the report gone), then the PEM text is set and an `input` event dispatched, as a paste does;
// two times run from just before that event: to the first animation frame after the report's
// verdict is in the DOM (the whole report, its signature "checking"), and to the first frame
// after the signature's outcome is in (the verdict's data-signature no longer "checking":
// WebCrypto has answered). Each frame is a requestAnimationFrame callback registered from the
// MutationObserver that sees the change: the frame that paints it. Prints one JSON object per
// line: first {"chromium": VERSION}, then per key type {"key", "engine": "paste", "runs",
// "median_ms", "max_ms", "signed_median_ms", "signed_max_ms"} or an error. `cargo xtask bench`
// runs it and reads those lines.
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../e2e/support/chromium.mjs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveDist } from '../../e2e/support/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const KEYS = ['rsa2048', 'rsa3072', 'rsa4096', 'p256', 'p384', 'p521', 'ed25519'];

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string' },
    corpus: { type: 'string', default: join(here, '..', 'fixtures') },
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
  },
});
if (!opts.dist) {
  console.error('usage: node bench/browser/paste.mjs --dist DIR [--corpus DIR] [--runs N]');
  process.exit(2);
}

const server = await serveDist(resolve(opts.dist));
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage();
  // The CSR page needs no deployment, so a static server is enough.
  await page.goto(`${server.url}#/csr`);
  await page.getByTestId('csr-text').waitFor();
  console.log(JSON.stringify({ chromium: browser.version() }));
  for (const key of KEYS) {
    const pem = await readFile(join(opts.corpus, `${key}.csr`), 'utf8');
    try {
      const times = await page.evaluate(pasteTimes, {
        pem,
        runs: Number(opts.runs),
        warmup: Number(opts.warmup),
      });
      const report = times.map((t) => t.report).sort((a, b) => a - b);
      const signed = times.map((t) => t.signed).sort((a, b) => a - b);
      const median = (sorted) => sorted[Math.floor(sorted.length / 2)];
      console.log(
        JSON.stringify({
          key,
          engine: 'paste',
          runs: report.length,
          median_ms: median(report),
          max_ms: report[report.length - 1],
          signed_median_ms: median(signed),
          signed_max_ms: signed[signed.length - 1],
        }),
      );
    } catch (error) {
      console.log(JSON.stringify({ key, engine: 'paste', error: String(error) }));
    }
  }
} finally {
  await browser.close();
  await server.close();
}

// Runs in the page.
async function pasteTimes({ pem, runs, warmup }) {
  const area = document.querySelector('[data-testid=csr-text]');
  const verdict = () => document.querySelector('[data-testid=verdict]');
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  const times = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    area.value = '';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    for (let wait = 0; verdict(); wait += 1) {
      if (wait > 100) throw new Error('the report does not go away when the text area is emptied');
      await frame();
    }
    await frame();
    const elapsed = await new Promise((done, fail) => {
      let start = 0;
      let report = null;
      let signed = null;
      const timeout = setTimeout(() => fail(new Error('no report within 10 s')), 10_000);
      const finish = () => {
        if (report === null || signed === null || report < 0 || signed < 0) return;
        clearTimeout(timeout);
        done({ report, signed });
      };
      const observer = new MutationObserver(() => {
        const shown = verdict();
        if (!shown) return;
        if (report === null) {
          report = -1;
          requestAnimationFrame(() => {
            report = performance.now() - start;
            finish();
          });
        }
        if (signed === null && shown.dataset.signature !== 'checking') {
          signed = -1;
          observer.disconnect();
          requestAnimationFrame(() => {
            signed = performance.now() - start;
            finish();
          });
        }
      });
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['data-signature'],
      });
      area.value = pem;
      const event = new Event('input', { bubbles: true });
      start = performance.now();
      area.dispatchEvent(event);
    });
    if (i >= warmup) times.push(elapsed);
  }
  return times;
}
