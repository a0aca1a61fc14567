// An OV order with contacts: the organisation step shows, prefilled from the CSR's subject;
// a field left wrong shows its inline error and the error summary takes focus; fixed, the
// order goes through issuance and the certificate is the CSR's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openOrdersPage } from '../support/browser.mjs';
import { makeCsr, certificateMatches } from '../support/csr.mjs';
import { heading, issueAndDownload, next, orderThroughWizard, shot } from '../support/wizard.mjs';

let widget;
before(async () => {
  widget = await openOrdersPage();
});
after(async () => widget?.close());

test('ssl247: an OV order, the organisation prefilled from the CSR, a wrong e-mail fixed, through issuance', async () => {
  const { page, url } = widget;
  const names = ['ov.certorder-demo.net'];
  const organisation = 'Lovelace Analytics B.V.';
  const made = makeCsr(names, { organization: organisation });
  widget.keys.push(made.key);
  let contactsSeen = false;
  await orderThroughWizard(page, url, 'ssl247', {
    product: /^Sectigo OV SSL/,
    csr: made.csr,
    label: 'ov',
    method: /DNS/,
    onStep: async (p, step) => {
      if (step !== '4-validation') return;
      // Step 5 is this order's: open it here to check what it shows before the helper fills it.
      await next(p);
      await heading(p, 'Organisation and contact');
      contactsSeen = true;
      assert.equal(await p.getByLabel('Organisation name', { exact: true }).inputValue(), organisation);
      assert.equal(await p.getByLabel('City', { exact: true }).inputValue(), 'Amsterdam');
      assert.equal(await p.getByLabel('State or province', { exact: true }).inputValue(), 'Noord-Holland');
      assert.equal(await p.getByLabel('Country', { exact: true }).inputValue(), 'NL');
      // Everything right but the e-mail address.
      await p.getByLabel('Street address', { exact: true }).fill('Keizersgracht 1');
      await p.getByLabel('Postal code', { exact: true }).fill('1015 CJ');
      await p.getByLabel('First name', { exact: true }).fill('Ada');
      await p.getByLabel('Last name', { exact: true }).fill('Lovelace');
      await p.getByLabel('Job title', { exact: true }).fill('Engineer');
      await p.getByLabel('Telephone', { exact: true }).fill('+31 20 123 4567');
      const email = p.getByLabel('E-mail', { exact: true });
      await email.fill('ada at lovelace');
      await next(p);
      const summary = p.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.waitFor();
      await p.waitForFunction(() => document.activeElement?.matches('[role=alert]'));
      assert.ok(await summary.evaluate((s) => s === document.activeElement), 'the error summary has focus');
      assert.equal(await email.getAttribute('aria-invalid'), 'true');
      const describedBy = (await email.getAttribute('aria-describedby')).split(/\s+/);
      const inline = p.locator('#contact-email-error');
      assert.ok(describedBy.includes('contact-email-error'), 'the e-mail field points at its message');
      assert.match(await inline.innerText(), /e-mail/i);
      // The summary's link takes the customer to the field.
      await summary.getByRole('link').first().click();
      assert.ok(await email.evaluate((e) => e === document.activeElement), 'the link focuses the field');
      await shot(p, 'ov-5-contacts-error');
      await email.fill('ada@ov.certorder-demo.net');
      assert.equal(await email.getAttribute('aria-invalid'), 'false');
      // Back to step 4, so the helper goes on through step 5 as a person would.
      await p.getByRole('link', { name: 'Back' }).click();
      await heading(p, 'Prove you control the names');
    },
  });
  assert.ok(contactsSeen, 'step 5 was shown for an OV order');
  const pem = await issueAndDownload(page, 'ov');
  assert.ok(pem, 'a certificate to download');
  certificateMatches(pem, made.key, names);
  widget.check();
});
