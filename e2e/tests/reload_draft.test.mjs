// A reload on every step of the wizard loses nothing: the same step opens with everything
// chosen and typed (product, period, CSR and its report, names added by hand, one still being
// typed and one being edited, DCV method and approver, contact fields, terms). A finished order clears the
// draft, and localStorage never holds a private key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openOrdersPage } from '../support/browser.mjs';
import { makeCsr } from '../support/csr.mjs';
import { chooseOption, heading, next, shot } from '../support/wizard.mjs';

const DRAFT_KEY = 'certorder.wizard.draft';

let widget;
before(async () => {
  widget = await openOrdersPage();
});
after(async () => widget?.close());

async function reload(page, name) {
  await noKeyStored(page);
  await page.reload();
  await heading(page, name);
  await noKeyStored(page);
}

async function noKeyStored(page) {
  const stored = await page.evaluate(() => Object.values(localStorage).join('\n'));
  assert.ok(!/PRIVATE KEY/.test(stored), 'a private key in localStorage');
  for (const key of widget.keys) {
    const body = key.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    assert.ok(!stored.includes(body.slice(0, 32)), 'private key material in localStorage');
  }
}

test('realtimeregister OV multi-domain: a reload on each step keeps the step and everything typed', async () => {
  const { page, url } = widget;
  const names = ['reload.certorder-demo.net', 'www.reload.certorder-demo.net'];
  const added = 'api.reload.certorder-demo.net';
  const made = makeCsr(names, { organization: 'Reload Demo B.V.' });
  widget.keys.push(made.key);

  // Step 1: product and period.
  await page.goto(`${url}/#/order/product?provider=realtimeregister`);
  await heading(page, 'Choose a certificate');
  const product = page.getByRole('radio', { name: /^Sectigo OV Multi-Domain/ });
  await product.waitFor({ timeout: 20_000 });
  await product.check();
  const period = page.getByLabel('Period');
  const periods = await period.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  const chosenPeriod = periods.at(-1);
  await period.selectOption(chosenPeriod);
  await reload(page, 'Choose a certificate');
  await product.waitFor({ timeout: 20_000 });
  assert.ok(await product.isChecked(), 'the product is still chosen');
  assert.equal(await period.inputValue(), chosenPeriod, 'the period is still chosen');
  await next(page);

  // Step 2: the CSR and its report.
  await heading(page, 'Your certificate signing request');
  await page.getByLabel('CSR (PEM)').fill(made.csr);
  await page.getByTestId('verdict').waitFor();
  const verdict = await page.getByTestId('verdict').innerText();
  const details = await page.getByTestId('details').innerText();
  await reload(page, 'Your certificate signing request');
  assert.equal((await page.getByLabel('CSR (PEM)').inputValue()).trim(), made.csr.trim());
  await page.getByTestId('verdict').waitFor();
  await page.waitForFunction((v) => document.querySelector('[data-testid=verdict]')?.innerText === v, verdict);
  assert.equal(await page.getByTestId('details').innerText(), details, 'the report after a reload');
  await next(page);

  // Step 3: a name added by hand.
  await heading(page, 'Names on the certificate');
  await page.getByLabel('Add a name').fill(added);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByLabel('Name 3', { exact: true }).waitFor();
  await reload(page, 'Names on the certificate');
  assert.equal(await page.getByLabel('Common name', { exact: true }).inputValue(), names[0]);
  assert.equal(await page.getByLabel('Name 2', { exact: true }).inputValue(), names[1]);
  assert.equal(await page.getByLabel('Name 3', { exact: true }).inputValue(), added);
  // A name typed in the box and not added yet is kept too, and is no name of the order.
  const typing = 'typed.reload.certorder-demo.net';
  await page.getByLabel('Add a name').fill(typing);
  await reload(page, 'Names on the certificate');
  assert.equal(await page.getByLabel('Add a name').inputValue(), typing, 'the name being typed');
  assert.equal(await page.getByLabel('Name 4', { exact: true }).count(), 0, 'typed is not added');
  await page.getByLabel('Add a name').fill('');
  // So is a listed name being edited, its field not left yet; put back, it is applied on Tab.
  const edited = 'edited.reload.certorder-demo.net';
  const third = page.getByLabel('Name 3', { exact: true });
  await third.fill(edited);
  await reload(page, 'Names on the certificate');
  assert.equal(await third.inputValue(), edited, 'the name being edited');
  await third.fill(added);
  await third.press('Tab');
  await page.waitForFunction(
    ([key, name]) => JSON.parse(localStorage.getItem(key) ?? '{}').names?.[2] === name,
    [DRAFT_KEY, added],
  );
  await next(page);

  // Step 4: e-mail validation with an approver that is not the first offered.
  await heading(page, 'Prove you control the names');
  const perOrder = page.getByLabel('Method for every name');
  const selects = (await perOrder.count()) ? [perOrder] : await page.getByLabel(/^Method for /).all();
  for (const select of selects) await chooseOption(select, /mail/i);
  const groups = page.getByRole('radiogroup', { name: /^Approver e-mail for / });
  await groups.first().waitFor({ timeout: 20_000 });
  const approvers = [];
  for (const group of await groups.all()) {
    const radios = group.getByRole('radio');
    const pick = radios.nth(Math.min(1, (await radios.count()) - 1));
    await pick.check();
    approvers.push(await pick.getAttribute('value'));
  }
  const methods = await Promise.all(selects.map((s) => s.inputValue()));
  await shot(page, 'reload-4-validation');
  await reload(page, 'Prove you control the names');
  const reloadedSelects = (await perOrder.count()) ? [perOrder] : await page.getByLabel(/^Method for /).all();
  assert.deepEqual(await Promise.all(reloadedSelects.map((s) => s.inputValue())), methods, 'the DCV methods');
  await groups.first().waitFor({ timeout: 20_000 });
  const checked = [];
  for (const group of await groups.all()) {
    checked.push(await group.locator('input[type=radio]:checked').getAttribute('value'));
  }
  assert.deepEqual(checked, approvers, 'the approvers');
  await next(page);

  // Step 5: contact fields, typed as a person types.
  await heading(page, 'Organisation and contact');
  assert.equal(await page.getByLabel('Organisation name', { exact: true }).inputValue(), 'Reload Demo B.V.');
  const typed = {
    'Street address': 'Herengracht 2',
    'Postal code': '1015 BA',
    'First name': 'Grace',
    'Last name': 'Hopper',
    'Job title': 'Admiral',
    'E-mail': 'grace@reload.certorder-demo.net',
    Telephone: '+31 20 765 4321',
  };
  for (const [label, value] of Object.entries(typed)) {
    const field = page.getByLabel(label, { exact: true });
    if (!(await field.count())) continue;
    await field.fill('');
    await field.pressSequentially(value);
  }
  await reload(page, 'Organisation and contact');
  for (const [label, value] of Object.entries(typed)) {
    const field = page.getByLabel(label, { exact: true });
    if (!(await field.count())) continue;
    assert.equal(await field.inputValue(), value, `${label} after a reload`);
  }
  assert.equal(await page.getByLabel('Organisation name', { exact: true }).inputValue(), 'Reload Demo B.V.');
  assert.equal(await page.getByLabel('Country', { exact: true }).inputValue(), 'NL');
  await next(page);

  // Step 6: the terms, then the order; a placed order clears the draft.
  await heading(page, 'Check your answers');
  const summary = await page.locator('main').innerText();
  for (const name of [...names, added]) assert.ok(summary.includes(name), `${name} in the review`);
  await page.getByRole('checkbox', { name: /I accept/ }).check();
  await reload(page, 'Check your answers');
  assert.ok(await page.getByRole('checkbox', { name: /I accept/ }).isChecked(), 'the terms are still accepted');
  await page.getByRole('button', { name: 'Place the order' }).click();
  await heading(page, 'Your order');
  await page.waitForFunction((key) => localStorage.getItem(key) === null, DRAFT_KEY, { timeout: 10_000 });
  await noKeyStored(page);
  // A new order starts from nothing.
  await page.goto(`${url}/#/order/product?provider=realtimeregister`);
  await heading(page, 'Choose a certificate');
  await page.getByRole('radio', { name: /^Sectigo OV Multi-Domain/ }).waitFor({ timeout: 20_000 });
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 0, 'a product chosen in a fresh draft');
  widget.check();
});
