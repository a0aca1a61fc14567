// Paste to report: how long the widget takes from the input event of a pasted CSR to the report
// on screen, in headless Chromium.
//
//   node bench/browser/paste.mjs --dist DIR [--corpus DIR] [--runs N]
//
// --dist is `trunk build --release`'s output. For every key type, the text area is emptied (and
// the report gone), then the PEM text is set and an `input` event dispatched in a task between
// two frames, as a paste does. For the report (its verdict in the DOM, the signature
// "checking") and for the signature's outcome (the verdict's data-signature no longer
// "checking": WebCrypto has answered): the time from the event to the change in the DOM, and
// which frame after the paste first showed it (1: the first; see pasteTimes). Prints one JSON
// object per line: first {"chromium": VERSION}, then per key type {"key", "engine": "paste",
// "runs", "frame_interval_ms", "dom_median_ms", "dom_max_ms", "shown_median_ms", "shown_max_ms",
// "frame_median", "frame_max", "first_frame", and the same seven prefixed "signed_"} or an
// error. `cargo xtask bench` runs it and reads those lines.
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
      const next = KEYS[(KEYS.indexOf(key) + 1) % KEYS.length];
      const other = await readFile(join(opts.corpus, `${next}.csr`), 'utf8');
      const { interval, times } = await page.evaluate(pasteTimes, {
        pem,
        other,
        runs: Number(opts.runs),
        warmup: Number(opts.warmup),
      });
      const sorted = (pick) => times.map(pick).sort((a, b) => a - b);
      const median = (values) => values[Math.floor(values.length / 2)];
      const summary = (which) => {
        const dom = sorted((t) => t[which].dom);
        const frames = sorted((t) => t[which].frame);
        const shown = sorted((t) => t[which].shown);
        return {
          dom_median_ms: median(dom),
          dom_max_ms: dom[dom.length - 1],
          shown_median_ms: median(shown),
          shown_max_ms: shown[shown.length - 1],
          frame_median: median(frames),
          frame_max: frames[frames.length - 1],
          // How many pastes showed it in the first frame after the event.
          first_frame: frames.filter((f) => f === 1).length,
        };
      };
      const report = summary('report');
      const signed = summary('signed');
      console.log(
        JSON.stringify({
          key,
          engine: 'paste',
          runs: times.length,
          frame_interval_ms: interval,
          ...report,
          ...Object.fromEntries(Object.entries(signed).map(([k, v]) => [`signed_${k}`, v])),
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
//
// A real paste's input event is a task that arrives between two frames; so is this one: after a
// frame has been rendered (its requestAnimationFrame timestamp kept), a `setTimeout(0)` task
// sets the text and dispatches the event. Everything the widget does synchronously and in
// microtasks then runs before the browser renders again, so the report is either in the very
// next frame or it delayed that frame. For each paste and for the report and the signature's
// outcome alike: the time from the event to the change in the DOM (the widget's own work; the
// signature's also WebCrypto's), and the frame that showed it: the time from the event to that
// frame's requestAnimationFrame callback (registered when the change was seen; the frame is
// rendered right after it), and its number counted from the last frame before the paste by the
// frames' own timestamps (1: the first frame after the paste). The time to the frame is mostly
// the wait for the display's next refresh, which the paste's moment decides, not the widget.
async function pasteTimes({ pem, other, runs, warmup }) {
  const area = document.querySelector('[data-testid=csr-text]');
  const verdict = () => document.querySelector('[data-testid=verdict]');
  const frame = () => new Promise((done) => requestAnimationFrame((stamp) => done(stamp)));
  // The display's frame interval, from ten frames in a row.
  const first = await frame();
  let last = first;
  for (let i = 0; i < 10; i += 1) last = await frame();
  const interval = (last - first) / 10;
  const times = [];
  const settled = async () => {
    for (let wait = 0; ['checking', undefined].includes(verdict()?.dataset.signature); wait += 1) {
      if (wait > 600) throw new Error('the other request\'s signature is not checked within 10 s');
      await frame();
    }
  };
  for (let i = 0; i < warmup + runs; i += 1) {
    // The page keeps WebCrypto's last answer with the request it answers, so that the same
    // request pasted again is not checked twice: another request goes first, and every measured
    // paste has its signature checked anew.
    area.value = other;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await settled();
    area.value = '';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    for (let wait = 0; verdict(); wait += 1) {
      if (wait > 100) throw new Error('the report does not go away when the text area is emptied');
      await frame();
    }
    const before = await frame();
    await new Promise((done) => setTimeout(done, 0));
    const elapsed = await new Promise((done, fail) => {
      let start = 0;
      const seen = { report: null, signed: null };
      const timeout = setTimeout(() => fail(new Error('no report within 10 s')), 10_000);
      const finish = () => {
        if (!seen.report?.frame || !seen.signed?.frame) return;
        clearTimeout(timeout);
        done(seen);
      };
      const note = (which) => {
        const change = { dom: performance.now() - start, frame: 0, shown: 0 };
        seen[which] = change;
        requestAnimationFrame((stamp) => {
          change.shown = performance.now() - start;
          change.frame = Math.max(1, Math.round((stamp - before) / interval));
          finish();
        });
      };
      const observer = new MutationObserver(() => {
        const shown = verdict();
        if (!shown) return;
        if (seen.report === null) note('report');
        if (seen.signed === null && shown.dataset.signature !== 'checking') {
          observer.disconnect();
          note('signed');
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
  return { interval, times };
}
