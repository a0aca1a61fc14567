// The provider's own check of the names on step 3 (SSL247 check-common-name/check-san): a SAN
// the provider refuses (the sandbox refuses names whose first label is `refused`) shows the
// provider's reason beside it and blocks Continue; removing it lets the customer go on and
// order, through issuance of a certificate for the names left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openOrdersPage, a11yViolations } from '../support/browser.mjs';
import { makeCsr, certificateMatches } from '../support/csr.mjs';
import { orderThroughWizard, issueAndDownload, heading, next, shot } from '../support/wizard.mjs';

let widget;
before(async () => {
  widget = await openOrdersPage();
});
after(async () => widget?.close());

const CHECK_SAN = 'POST /certificates/check-san/{product-code}/{common-name}/{san}';
const CHECK_CN = 'POST /certificates/check-common-name/{product-code}/{common-name}';

test('ssl247: a refused SAN shows the provider\'s reason and blocks; removed, the order goes through', async () => {
  const { page, url } = widget;
  const names = ['checked.certorder-demo.net', 'api.checked.certorder-demo.net'];
  const refused = 'refused.checked.certorder-demo.net';
  const made = makeCsr(names);
  widget.keys.push(made.key);
  const seen = {};
  await orderThroughWizard(page, url, 'ssl247', {
    product: /^PositiveSSL DV Multi-Domain/,
    csr: made.csr,
    label: 'name-check',
    onOpen: async (p, step) => {
      if (step !== '3-names') return;
      // The CSR's names are checked on entering the step.
      await p.getByText('The provider accepts these names for this certificate.').waitFor({ timeout: 20_000 });
      await p.getByLabel('Add a name').fill(refused);
      await p.getByRole('button', { name: 'Add', exact: true }).click();
      const reason = p.getByText(`The provider does not accept ${refused}:`).first();
      await reason.waitFor({ timeout: 20_000 });
      seen.reason = await reason.textContent();
      await shot(p, 'name-check-3-refused');
      seen.violations = await a11yViolations(p);
      // Continue is blocked: the step stays, with the error summary.
      await next(p);
      await heading(p, 'Names on the certificate');
      seen.summary = await p.getByRole('alert').filter({ hasText: 'There is a problem' }).textContent();
      seen.invalid = await p.getByLabel('Name 3', { exact: true }).getAttribute('aria-invalid');
      await p.getByRole('button', { name: `Remove ${refused}` }).click();
      await p.getByText('The provider accepts these names for this certificate.').waitFor({ timeout: 20_000 });
      seen.afterRemoval = await p.getByRole('textbox').evaluateAll((inputs) => inputs.map((i) => i.value));
    },
  });
  assert.match(seen.reason, /refused by the certificate authority's policy/, 'the provider\'s own words');
  assert.match(seen.reason, /Remove or correct it/, 'what to do');
  assert.match(seen.summary, new RegExp(refused.replace(/\./g, '\\.')));
  assert.equal(seen.invalid, 'true');
  assert.deepEqual(seen.violations.map((v) => `${v.id}: ${v.help}`), []);
  assert.ok(!seen.afterRemoval.includes(refused), `${refused} removed (${seen.afterRemoval})`);

  const log = widget.server.requestLog();
  const checks = log.filter((l) => l.operation === CHECK_SAN || l.operation === CHECK_CN);
  assert.ok(checks.some((l) => l.operation === CHECK_SAN), 'check-san was asked');
  assert.ok(checks.every((l) => l.class === 'check'), `every name check is a check: ${JSON.stringify(checks)}`);

  const pem = await issueAndDownload(page, 'name-check');
  assert.ok(pem, 'a certificate to download');
  certificateMatches(pem, made.key, names);
  widget.check();
});

test('ssl247: a name check that fails blocks nothing, is not asked again by itself, and is retried on request', async () => {
  const { page, url } = widget;
  const names = ['retry.certorder-demo.net', 'www.retry.certorder-demo.net'];
  const made = makeCsr(names);
  widget.keys.push(made.key);
  const armed = await fetch(`${url}/sandbox/ssl247/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operation: CHECK_CN, fault: 'error' }),
  });
  assert.equal(armed.status, 200, await armed.text());
  const seen = {};
  await orderThroughWizard(page, url, 'ssl247', {
    product: /^PositiveSSL DV Multi-Domain/,
    csr: made.csr,
    label: 'name-check-failed',
    onOpen: async (p, step) => {
      if (step !== '3-names') return;
      const failed = p.getByText('The provider could not check the names just now');
      await failed.waitFor({ timeout: 20_000 });
      seen.failed = await failed.textContent();
      await shot(p, 'name-check-failed-3-failed');
      // Not blocking: Continue opens step 4; back on step 3 the failure is still shown, not
      // asked again by itself.
      await next(p);
      await heading(p, 'Prove you control the names');
      await p.getByRole('link', { name: 'Back' }).click();
      await heading(p, 'Names on the certificate');
      await failed.waitFor({ timeout: 5_000 });
      const asked = () => widget.server.requestLog().filter((l) => l.operation === CHECK_CN).length;
      seen.askedBeforeRetry = asked();
      await p.getByRole('button', { name: 'Check the names again' }).click();
      await p.getByText('The provider accepts these names for this certificate.').waitFor({ timeout: 20_000 });
      seen.askedAfterRetry = asked();
    },
  });
  assert.match(seen.failed, /You can go on/);
  assert.equal(seen.askedAfterRetry, seen.askedBeforeRetry + 1, 'one more check on retry');
  const pem = await issueAndDownload(page, 'name-check-failed');
  certificateMatches(pem, made.key, names);
  widget.check();
});
