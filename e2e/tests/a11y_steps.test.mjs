// Every step of the wizard has no axe violation of any impact, and its heading has
// focus when it opens: at the default size, at 360 px wide, and in the dark colour scheme
// (screenshots of every step under e2e/screenshots, named by mode).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { openWidget, screenshots, a11yViolations } from '../support/browser.mjs';
import { makeCsr } from '../support/csr.mjs';
import { orderThroughWizard } from '../support/wizard.mjs';

const HEADINGS = {
  '1-product': 'Choose a certificate',
  '2-csr': 'Your certificate signing request',
  '3-names': 'Names on the certificate',
  '4-validation': 'Prove you control the names',
  '5-contacts': 'Organisation and contact',
  '6-review': 'Check your answers',
};

const MODES = [
  { label: 'a11y', contextOptions: {} },
  { label: 'a11y-360', contextOptions: { viewport: { width: 360, height: 780 } } },
  { label: 'a11y-dark', contextOptions: { colorScheme: 'dark' } },
];

const open = [];
after(async () => {
  for (const widget of open) await widget.close();
});

for (const mode of MODES) {
  test(`${mode.label}: each step focuses its heading as it opens and has no accessibility violation`, async () => {
    await mkdir(screenshots, { recursive: true });
    const widget = await openWidget({
      fragment: '#/orders',
      contextOptions: mode.contextOptions,
      ready: (page) => page.getByRole('heading', { name: 'Orders placed in this browser' }).waitFor(),
    });
    open.push(widget);
    const { page, url, errors } = widget;
    const names = [`${mode.label}.certorder-demo.net`];
    const made = makeCsr(names, { organization: 'Axe Demo B.V.' });
    widget.keys.push(made.key);
    const focus = {};
    const violations = {};
    await orderThroughWizard(page, url, 'ssl247', {
      product: /^Sectigo OV SSL/,
      csr: made.csr,
      label: mode.label,
      onOpen: async (p, step) => {
        focus[step] = await p
          .waitForFunction(
            (text) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === text,
            HEADINGS[step],
            { timeout: 5_000 },
          )
          .then(() => HEADINGS[step])
          .catch(() => p.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}`));
        violations[step] = (await a11yViolations(p, mode.contextOptions)).map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
      },
      onStep: async (p, step) => {
        // Filled in, with any field messages shown: checked again.
        const filled = await a11yViolations(p, mode.contextOptions);
        violations[`${step} filled`] = filled.map((v) => `${v.id}: ${v.help}`);
      },
    });
    assert.deepEqual(Object.keys(focus), Object.keys(HEADINGS), 'every step was opened');
    assert.deepEqual(focus, HEADINGS, 'the heading has focus when its step opens');
    for (const [step, found] of Object.entries(violations)) assert.deepEqual(found, [], `axe on ${step}`);
    const status = await a11yViolations(page, mode.contextOptions);
    assert.deepEqual(status.map((v) => `${v.id}: ${v.help}`), [], 'axe on the status page');
    assert.deepEqual(errors, []);
    widget.check();
  });
}
