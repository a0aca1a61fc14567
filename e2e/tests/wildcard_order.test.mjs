// A wildcard multi-name order: a multi-domain product that takes wildcard SANs, with the
// wildcard and its base. The validation step offers no file/HTTP method for the wildcard
// (a CA cannot fetch a file from every subdomain), the order goes through issuance, and the
// certificate carries the wildcard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openOrdersPage } from '../support/browser.mjs';
import { makeCsr, certificateMatches } from '../support/csr.mjs';
import { orderThroughWizard, issueAndDownload } from '../support/wizard.mjs';

let widget;
before(async () => {
  widget = await openOrdersPage();
});
after(async () => widget?.close());

const FILE_METHOD = /file|HTTP/i;

async function optionTexts(select) {
  return select.locator('option').evaluateAll((os) => os.filter((o) => o.value).map((o) => o.textContent));
}

test('realtimeregister: the wildcard and its base on a multi-domain certificate, through issuance', async () => {
  const { page, url } = widget;
  const names = ['wild.certorder-demo.net', '*.wild.certorder-demo.net', 'api.wild.certorder-demo.net'];
  const made = makeCsr(names);
  widget.keys.push(made.key);
  const seen = {};
  await orderThroughWizard(page, url, 'realtimeregister', {
    product: /^PositiveSSL Multi-Domain/,
    csr: made.csr,
    label: 'wildcard',
    onStep: async (p, step) => {
      if (step === '3-names') {
        seen.names = await p.getByRole('textbox').evaluateAll((inputs) => inputs.map((i) => i.value));
      }
      if (step !== '4-validation') return;
      const perOrder = p.getByLabel('Method for every name');
      if (await perOrder.count()) {
        seen.orderMethods = await optionTexts(perOrder);
      } else {
        seen.wildcardMethods = await optionTexts(p.getByLabel(`Method for ${names[1]}`, { exact: true }));
        seen.baseMethods = await optionTexts(p.getByLabel(`Method for ${names[0]}`, { exact: true }));
      }
    },
  });
  for (const name of names) assert.ok(seen.names.includes(name), `${name} among the names (${seen.names})`);
  if (seen.orderMethods) {
    assert.ok(seen.orderMethods.length > 0, 'a method to choose');
    assert.ok(!seen.orderMethods.some((m) => FILE_METHOD.test(m)), `a file method offered for a wildcard order: ${seen.orderMethods}`);
  } else {
    assert.ok(seen.wildcardMethods.length > 0, 'a method for the wildcard');
    assert.ok(!seen.wildcardMethods.some((m) => FILE_METHOD.test(m)), `a file method offered for the wildcard: ${seen.wildcardMethods}`);
  }
  const pem = await issueAndDownload(page, 'wildcard');
  assert.ok(pem, 'a certificate to download');
  const certificate = certificateMatches(pem, made.key, names);
  assert.match(certificate.subjectAltName, /DNS:\*\.wild\.certorder-demo\.net/);
  widget.check();
});
