// The whole order as a person clicks it, for each provider: product, CSR, names, validation,
// (contacts), check your answers, one submit; then the status page, "mark DCV done" in the
// sandbox, and the certificate downloaded and matched to the CSR's key and names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openOrdersPage, a11yViolations } from '../support/browser.mjs';
import { makeCsr, certificateMatches } from '../support/csr.mjs';
import { orderThroughWizard, issueAndDownload } from '../support/wizard.mjs';

let widget;
before(async () => {
  widget = await openOrdersPage({ serverEnv: { CERTORDER_TOTAL_TIMEOUT_SECS: '3' } });
});
after(async () => widget?.close());

// Starts each order from a clean draft (a finished order clears it; a failed test may not).
async function freshDraft(page) {
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key !== 'certorder.orders.v1') localStorage.removeItem(key);
  });
}

const PROVIDERS = [
  { slug: 'gandi-v5', product: /^Standard \(up to 3 names\)/, names: ['shop.certorder-demo.net', 'www.shop.certorder-demo.net'] },
  { slug: 'gandi-v3', product: /^Standard \(up to 3 names\)/, names: ['v3.certorder-demo.net', 'www.v3.certorder-demo.net'] },
  { slug: 'realtimeregister', product: /^PositiveSSL Multi-Domain/, names: ['rtr.certorder-demo.net', 'api.rtr.certorder-demo.net'] },
  { slug: 'ssl247', product: /^PositiveSSL DV Multi-Domain/, names: ['ssl247.certorder-demo.net', 'api.ssl247.certorder-demo.net'] },
];

for (const provider of PROVIDERS) {
  test(`${provider.slug}: the whole order, through issuance and the certificate's download`, async () => {
    const { page, url } = widget;
    await freshDraft(page);
    const made = makeCsr(provider.names);
    widget.keys.push(made.key);
    // The catalog is read on the first step and never again: the wizard stays mounted from
    // step to step.
    const catalogReads = () => widget.server.requestLog().filter((l) => l.class === 'catalog').length;
    let afterFirstStep;
    await orderThroughWizard(page, url, provider.slug, {
      product: provider.product,
      csr: made.csr,
      label: provider.slug,
      onStep: async (_page, step) => {
        if (step === '1-product') afterFirstStep = catalogReads();
      },
    });
    assert.equal(catalogReads(), afterFirstStep, 'the catalog read again after the first step');
    const pem = await issueAndDownload(page, provider.slug);
    assert.ok(pem, 'a certificate to download');
    certificateMatches(pem, made.key, provider.names);
    widget.check();
  });
}

test('gjirafa: names only, through issuance', async () => {
  const { page, url } = widget;
  await freshDraft(page);
  const names = ['cdn.certorder-demo.net', 'static.cdn.certorder-demo.net'];
  await orderThroughWizard(page, url, 'gjirafa', { product: /./, names, label: 'gjirafa' });
  const pem = await issueAndDownload(page, 'gjirafa');
  if (pem) {
    const sans = new (await import('node:crypto')).X509Certificate(pem).subjectAltName ?? '';
    for (const name of names) assert.ok(sans.includes(name), `${name} on the certificate`);
  }
  widget.check();
});

test('a time-out on submit ends on the status page as in doubt, and one order was sent', async () => {
  const { page, url, requests } = widget;
  await freshDraft(page);
  const made = makeCsr(['doubt.certorder-demo.net']);
  widget.keys.push(made.key);
  const armed = await fetch(`${url}/sandbox/gandi-v5/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operation: 'POST /issued-certs', fault: 'hang' }),
  });
  assert.equal(armed.status, 200, await armed.text());
  const before = requests.length;
  await orderThroughWizard(page, url, 'gandi-v5', {
    product: /Standard|cert_std/i,
    csr: made.csr,
    label: 'in-doubt',
    expectHeading: 'We could not confirm your order',
    // A double click on submit: still one billable call.
    beforeSubmit: async (_page, submit) => submit.dblclick(),
  });
  await page.getByTestId('in-doubt').waitFor();
  const creates = requests
    .slice(before)
    .filter((r) => r.method === 'POST' && /\/api\/gandi-v5\/v5\/certificate\/issued-certs$/.test(new URL(r.url).pathname) && r.headers['dry-run'] !== '1');
  assert.equal(creates.length, 1, `one order request, not ${creates.length}`);
  const violations = await a11yViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), []);
  widget.check();
});

test('the orders placed in this browser are listed', async () => {
  const { page, url, errors } = widget;
  await page.goto(`${url}/#/orders`);
  await page.getByTestId('orders').waitFor();
  const listed = await page.getByTestId('orders').innerText();
  for (const name of ['shop.certorder-demo.net', 'rtr.certorder-demo.net', 'doubt.certorder-demo.net']) {
    assert.match(listed, new RegExp(name.replace(/\./g, '\\.')));
  }
  assert.deepEqual(errors, []);
  widget.check();
});
