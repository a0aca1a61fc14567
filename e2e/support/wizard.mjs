// The order wizard as a person clicks it through (labels, roles and headings only), then
// the status page to issuance in the sandbox and the download of the certificate.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenshots } from './browser.mjs';

export async function heading(page, name) {
  const h = page.getByRole('heading', { name, level: 1 });
  await h.waitFor({ timeout: 20_000 });
  return h;
}

export async function shot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

export async function next(page) {
  await page.getByRole('button', { name: 'Continue' }).click();
}

// Orders `order` at `provider` (a slug) through steps 1-6 and returns on the status page.
// `order`: { product: RegExp, csr?, names?, method?: 'DNS record'|…, contacts?: {...},
// label: screenshot prefix, onOpen?: async (page, step) => {} (as the step opens),
// onStep?: async (page, step) => {} (once it is filled) }.
export async function orderThroughWizard(page, url, provider, order) {
  const label = order.label ?? provider;
  const opened = async (name) => {
    if (order.onOpen) await order.onOpen(page, name);
  };
  const step = async (name) => {
    await shot(page, `${label}-${name}`);
    if (order.onStep) await order.onStep(page, name);
  };
  await page.goto(`${url}/#/order/product?provider=${provider}`);
  await heading(page, 'Choose a certificate');
  const product = page.getByRole('radio', { name: order.product });
  await product.first().waitFor({ timeout: 20_000 });
  await opened('1-product');
  await product.first().check();
  const period = page.getByLabel('Period');
  if (await period.count()) {
    const options = await period.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    if (options.length) await period.selectOption(options[0]);
  }
  await step('1-product');
  await next(page);

  if (order.csr) {
    await heading(page, 'Your certificate signing request');
    await opened('2-csr');
    await page.getByLabel('CSR (PEM)').fill(order.csr);
    await page.getByTestId('verdict').waitFor();
    await step('2-csr');
    await next(page);
  } else if (provider !== 'gjirafa') {
    throw new Error('a CSR is needed');
  } else {
    // Gjirafa takes names only: the CSR step is skipped or says why.
    const csrStep = page.getByRole('heading', { name: 'Your certificate signing request', level: 1 });
    if (await csrStep.isVisible().catch(() => false)) {
      await step('2-csr');
      await next(page);
    }
  }

  await heading(page, 'Names on the certificate');
  await opened('3-names');
  if (order.names && !order.csr) {
    // With no CSR the list starts empty: the first name added is the common name.
    const common = page.getByLabel('Common name', { exact: true });
    const rest = (await common.count()) ? order.names.slice(1) : order.names;
    if (await common.count()) await common.fill(order.names[0]);
    for (const name of rest) {
      await page.getByLabel('Add a name').fill(name);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
    }
  }
  await step('3-names');
  await next(page);

  await heading(page, 'Prove you control the names');
  await opened('4-validation');
  const method = order.method ?? /DNS/;
  const perOrder = page.getByLabel('Method for every name');
  if (await perOrder.count()) {
    await chooseOption(perOrder, method);
  } else {
    for (const select of await page.getByLabel(/^Method for /).all()) await chooseOption(select, method);
  }
  for (const group of await page.getByRole('radiogroup', { name: /^Approver e-mail for / }).all()) {
    await group.getByRole('radio').first().check();
  }
  await step('4-validation');
  await next(page);

  const contacts = page.getByRole('heading', { name: 'Organisation and contact', level: 1 });
  const review = page.getByRole('heading', { name: 'Check your answers', level: 1 });
  await Promise.race([contacts.waitFor({ timeout: 20_000 }), review.waitFor({ timeout: 20_000 })]);
  if (await contacts.isVisible()) {
    await opened('5-contacts');
    const c = order.contacts ?? {};
    const fill = async (name, value) => {
      const field = page.getByLabel(name, { exact: true });
      if ((await field.count()) && !(await field.inputValue())) await field.fill(value);
    };
    await fill('Organisation name', c.organisation ?? 'Certorder Demo B.V.');
    await fill('Street address', 'Keizersgracht 1');
    await fill('Postal code', '1015 CJ');
    await fill('City', 'Amsterdam');
    await fill('State or province', 'Noord-Holland');
    const country = page.getByLabel('Country', { exact: true });
    if (await country.count()) await country.selectOption({ value: 'NL' }).catch(() => {});
    await fill('First name', 'Ada');
    await fill('Last name', 'Lovelace');
    await fill('Job title', 'Engineer');
    await fill('E-mail', 'ada@shop.certorder-demo.net');
    await fill('Telephone', '+31 20 123 4567');
    await step('5-contacts');
    await next(page);
  }

  await heading(page, 'Check your answers');
  await opened('6-review');
  const terms = page.getByRole('checkbox', { name: /I accept/ });
  await terms.check();
  const submit = page.getByRole('button', { name: 'Place the order' });
  await page.waitForFunction(
    () => ![...document.querySelectorAll('button')].find((b) => b.textContent.includes('Place the order'))?.disabled,
    null,
    { timeout: 20_000 },
  ).catch(() => {});
  await step('6-review');
  if (order.beforeSubmit) await order.beforeSubmit(page, submit);
  else await submit.click();
  await heading(page, order.expectHeading ?? 'Your order');
  await shot(page, `${label}-7-status`);
}

export async function chooseOption(select, pattern) {
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  const found = options.find((o) => o.value && pattern.test(o.text));
  assert.ok(found, `no option matching ${pattern} among ${options.map((o) => o.text).join(', ')}`);
  await select.selectOption(found.value);
}

// On the status page: mark DCV done (sandbox), wait for issuance, download the certificate
// and return its PEM (or null where the provider offers no download). `markDone` replaces the
// page's sandbox control (an order placed elsewhere than this server's sandbox).
export async function issueAndDownload(page, label, { markDone } = {}) {
  if (markDone) await markDone(page);
  else await page.getByRole('button', { name: 'Mark validation done (sandbox)' }).click({ timeout: 20_000 });
  await page.waitForFunction(
    () => document.querySelector('[data-testid=order-status]')?.textContent.startsWith('Issued'),
    null,
    { timeout: 30_000 },
  );
  await shot(page, `${label}-8-issued`);
  const link = page.getByRole('link', { name: 'Certificate (PEM)' });
  if (!(await link.count())) {
    await page.getByTestId('downloads').waitFor({ timeout: 5_000 }).catch(() => {});
  }
  if (!(await link.count())) return null;
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFile(await download.path(), 'utf8');
}
