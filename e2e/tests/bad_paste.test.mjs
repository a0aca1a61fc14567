// A bad paste in the wizard's CSR step, recovered from: a private key (removed from the text
// area at once, with the notice that it is exposed, and never sent or stored), then a
// certificate (a message that says so), then the right CSR, and on to the next step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openOrdersPage, fixtures } from '../support/browser.mjs';
import { makeCsr } from '../support/csr.mjs';
import { heading, next, shot } from '../support/wizard.mjs';

let widget;
before(async () => {
  widget = await openOrdersPage();
});
after(async () => widget?.close());

// What the clipboard gives: the whole text as one input event.
async function pasteInto(page, text) {
  const box = page.getByLabel('CSR (PEM)');
  await box.fill('');
  await box.focus();
  await page.evaluate((pasted) => {
    const area = document.activeElement;
    area.value = pasted;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

function keyBody(key) {
  return key.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
}

async function storedText(page) {
  return page.evaluate(() => Object.values(localStorage).join('\n'));
}

test('a private key, then a certificate, then the right CSR, and the order goes on', async () => {
  const { page, url, requests } = widget;
  const names = ['paste.certorder-demo.net', 'www.paste.certorder-demo.net'];
  const made = makeCsr(names);
  const key = await readFile(join(fixtures, 'input', 'key-pkcs8.pem'), 'utf8');
  widget.keys.push(made.key, key);
  const before = requests.length;

  await page.goto(`${url}/#/order/product?provider=gandi-v5`);
  await heading(page, 'Choose a certificate');
  await page.getByRole('radio', { name: /^Standard \(up to 3 names\)/ }).first().check();
  const period = page.getByLabel('Period');
  const periods = await period.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  await period.selectOption(periods[0]);
  await next(page);
  await heading(page, 'Your certificate signing request');

  // The private key: out of the text area at once, the notice says to treat it as exposed.
  await pasteInto(page, key);
  const notice = page.getByRole('alert').filter({ hasText: 'Private key removed' });
  await notice.waitFor();
  assert.equal(await page.getByLabel('CSR (PEM)').inputValue(), '', 'the key is still in the text area');
  assert.match(await notice.innerText(), /treat it as exposed/);
  assert.ok(!(await page.content()).includes(keyBody(key).slice(0, 40)), 'the key is still in the page');
  await shot(page, 'bad-paste-1-key');

  // A certificate: a message that says it is a certificate and what to paste instead.
  const certificate = await readFile(join(fixtures, 'input', 'cert.pem'), 'utf8');
  await pasteInto(page, certificate);
  await page.getByText(/this is a certificate, not a certificate signing request/).first().waitFor();
  await shot(page, 'bad-paste-2-certificate');
  await next(page);
  await heading(page, 'Your certificate signing request');
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  assert.match(await summary.innerText(), /certificate, not a certificate signing request/);

  // The right CSR: the report reads it, and the wizard goes on to the names it asks for.
  await pasteInto(page, made.csr);
  await page.getByTestId('verdict').waitFor();
  assert.match(await page.getByTestId('verdict').innerText(), /can be ordered/);
  await shot(page, 'bad-paste-3-csr');
  await next(page);
  await heading(page, 'Names on the certificate');
  assert.equal(await page.getByLabel('Common name', { exact: true }).inputValue(), names[0]);
  assert.equal(await page.getByLabel('Name 2', { exact: true }).inputValue(), names[1]);

  // Never stored, never sent.
  const stored = await storedText(page);
  assert.ok(!stored.includes('PRIVATE KEY'), 'a private key in localStorage');
  assert.ok(!stored.includes(keyBody(key).slice(0, 40)), 'the key material in localStorage');
  const body = keyBody(key).slice(0, 40);
  for (const r of requests.slice(before)) {
    assert.ok(!r.body.includes('PRIVATE KEY') && !r.body.includes(body), `${r.url} carried the key`);
    assert.ok(!r.url.includes(body), `${r.url} carried the key`);
  }
  widget.check();
});
