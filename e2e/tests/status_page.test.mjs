// Step 7 on its own: an order placed at the Gandi v5 sandbox (as the wizard places it, one
// billable call with an Idempotency-Key), kept in this browser's order book, then followed on
// its status page through DCV ("mark DCV done" in sandbox mode) to the download of the
// certificate, which must be for the CSR's key and names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openWidget, screenshots, a11yViolations } from '../support/browser.mjs';
import { makeCsr, certificateMatches } from '../support/csr.mjs';

const NAMES = ['shop.certorder-demo.net', 'www.shop.certorder-demo.net'];
let widget;
let made;
let orderId;

before(async () => {
  await mkdir(screenshots, { recursive: true });
  widget = await openWidget({
    fragment: '#/orders',
    ready: (page) => page.getByRole('heading', { name: 'Orders placed in this browser' }).waitFor(),
  });
  made = makeCsr(NAMES);
  widget.keys.push(made.key);
});
after(async () => widget?.close());

test('an order placed from this browser is kept in its order book', async () => {
  const { page } = widget;
  const placed = await page.evaluate(async ({ csr, names }) => {
    const response = await fetch('/api/gandi-v5/v5/certificate/issued-certs', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ package: 'cert_std_3_0_0', cn: names[0], altnames: names.slice(1), csr, dcv_method: 'dns' }),
    });
    const body = await response.json().catch(() => ({}));
    const location = response.headers.get('location') ?? '';
    return {
      status: response.status,
      id: body.id ?? location.split('/').pop(),
      token: response.headers.get('certorder-order-token'),
    };
  }, { csr: made.csr, names: NAMES });
  assert.ok(placed.status >= 200 && placed.status < 300, `placing the order answered ${placed.status}`);
  assert.ok(placed.id && placed.token, 'an order id and its token');
  orderId = placed.id;
  await page.evaluate(({ id, token, names }) => {
    const order = {
      handle: { provider: 'gandi-v5', id, operation: null, dcv_method: 'dns' },
      order_tokens: token.split(',').map((t) => t.trim()),
      product: 'cert_std_3_0_0',
      names,
      dcv: [{ name: null, method: 'dns', approver: null }],
      placed_at_ms: Date.now(),
      in_doubt: false,
    };
    localStorage.setItem('certorder.orders.v1', JSON.stringify({ orders: [order] }));
  }, { ...placed, names: NAMES });
  await page.reload();
  const link = page.getByRole('link', { name: NAMES[0] });
  await link.waitFor();
  await page.screenshot({ path: join(screenshots, 'orders.png'), fullPage: true });
  await link.click();
  await page.getByRole('heading', { name: 'Your order', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), `#/status/gandi-v5/${encodeURIComponent(orderId)}`);
});

test('the status page says what to publish for each name, and when it last checked', async () => {
  const { page } = widget;
  await page.getByTestId('dcv').waitFor();
  assert.equal(await page.getByTestId('order-status').innerText(), 'Waiting for domain validation');
  assert.match(await page.getByTestId('last-checked').innerText(), /^Last checked/);
  assert.equal(await page.getByTestId('chosen-method').innerText(), 'DNS record');
  const names = await page.getByTestId('dcv-name').evaluateAll((items) => items.map((li) => li.dataset.name));
  for (const name of NAMES) assert.ok(names.includes(name), `${name} has no instructions (${names.join(', ')})`);
  const first = page.getByTestId('dcv-name').first();
  assert.match(await first.innerText(), /Record name/);
  assert.match(await first.innerText(), /Value/);
  await page.getByRole('button', { name: 'Copy all' }).waitFor();
  await page.getByRole('button', { name: `Copy the values for ${names[0]}` }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'status-heading', 'focus on the heading');
  await page.screenshot({ path: join(screenshots, 'status-pending.png'), fullPage: true });
  const violations = await a11yViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), []);
});

test('marking DCV done in the sandbox issues the certificate, downloaded for the CSR', async () => {
  const { page } = widget;
  await page.getByRole('button', { name: 'Mark validation done (sandbox)' }).click();
  await page.getByTestId('downloads').waitFor({ timeout: 20_000 });
  assert.equal(await page.getByTestId('order-status').innerText(), 'Issued: your certificate is ready');
  await page.screenshot({ path: join(screenshots, 'status-issued.png'), fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Certificate (PEM)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^shop\.certorder-demo\.net\.crt\.pem$/);
  const pem = await readFile(await download.path(), 'utf8');
  certificateMatches(pem, made.key, NAMES);
  const [bundle] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Full bundle/ }).click(),
  ]);
  const full = await readFile(await bundle.path(), 'utf8');
  assert.ok((full.match(/BEGIN CERTIFICATE/g) ?? []).length >= 1, 'the bundle has the certificate');
  assert.ok(full.startsWith(pem.trim().split('\n')[0]), 'the bundle starts with the certificate');
  const violations = await a11yViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), []);
});

test('a reload keeps the issued order, and every request passes the checker', async () => {
  const { page, errors } = widget;
  await page.reload();
  await page.getByTestId('downloads').waitFor();
  widget.check();
  assert.deepEqual(errors, []);
});
