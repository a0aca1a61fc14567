// The direct route: the widget calls a provider at a base URL on another origin that answers
// CORS itself, not through the server it was loaded from. The other origin here is a second
// `certorder serve` acting as the gateway: its sandbox behind its own `/api/{provider}` route,
// with the widget's origin among its allowed origins. The widget's server is configured with
// Gandi v5 on the direct route to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { openWidget, root, screenshots } from '../support/browser.mjs';
import { startServer } from '../support/server.mjs';
import { checkRequests } from '../support/requests.mjs';
import { makeCsr, certificateMatches } from '../support/csr.mjs';
import { orderThroughWizard, issueAndDownload } from '../support/wizard.mjs';

// A loopback port free now, for a server whose origin another must know before it starts.
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// Checks the first product matching `product` and the first period, as step 1 asks.
async function chooseProduct(page, product) {
  await product.first().waitFor({ timeout: 20_000 });
  await product.first().check();
  const period = page.getByLabel('Period');
  if (await period.count()) {
    const options = await period.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    if (options.length) await period.selectOption(options[0]);
  }
  await page.getByRole('button', { name: 'Continue' }).click();
}

const ordersReady = (page) => page.getByRole('heading', { name: 'Orders placed in this browser' }).waitFor();

function directEnv(gateway) {
  return {
    CERTORDER_GANDI_V5_ROUTE: 'direct',
    CERTORDER_GANDI_V5_BROWSER_BASE_URL: `${gateway.url}/api/gandi-v5`,
  };
}

let gateway;
let widget;
before(async () => {
  await mkdir(screenshots, { recursive: true });
  const port = await freePort();
  gateway = await startServer(root, { env: { CERTORDER_ALLOWED_ORIGINS: `http://127.0.0.1:${port}` } });
  widget = await openWidget({
    listen: `127.0.0.1:${port}`,
    fragment: '#/orders',
    serverEnv: directEnv(gateway),
    ready: ordersReady,
  });
});
after(async () => {
  await widget?.close();
  await gateway?.close();
});

const onPath = (origin, prefix) => (r) => {
  const url = new URL(r.url);
  return url.origin === origin && url.pathname.startsWith(prefix);
};

test('direct route: the whole order goes to the other origin, none of it through the widget\'s server', async () => {
  const { page, url, requests } = widget;
  const gatewayOrigin = new URL(gateway.url).origin;
  const csp = (await page.request.get(`${url}/`)).headers()['content-security-policy'];
  assert.match(csp, new RegExp(`connect-src 'self' ${gatewayOrigin};`), csp);

  const names = ['direct.certorder-demo.net', 'www.direct.certorder-demo.net'];
  const made = makeCsr(names);
  widget.keys.push(made.key);
  await orderThroughWizard(page, url, 'gandi-v5', { product: /^Standard \(up to 3 names\)/, csr: made.csr, label: 'direct' });

  // The order lives in the gateway's sandbox: its operator marks validation done there (this
  // server's sandbox control does not apply), and the customer asks for the status again.
  const markDone = async (p) => {
    const id = decodeURIComponent(new URL(p.url()).hash.split('/').pop());
    const done = await fetch(`${gateway.url}/sandbox/gandi-v5/orders/${encodeURIComponent(id)}/complete-dcv`, { method: 'POST' });
    assert.equal(done.status, 200, await done.text());
    assert.equal(await p.getByRole('button', { name: 'Mark validation done (sandbox)' }).count(), 0, 'no sandbox control of this server');
    await p.getByRole('button', { name: 'Check now' }).click();
  };
  const pem = await issueAndDownload(page, 'direct', { markDone });
  assert.ok(pem, 'a certificate to download');
  certificateMatches(pem, made.key, names);

  const direct = requests.filter(onPath(gatewayOrigin, '/api/gandi-v5/'));
  const billable = direct.filter((r) => r.method === 'POST' && /\/v5\/certificate\/issued-certs$/.test(new URL(r.url).pathname) && r.headers['dry-run'] !== '1');
  assert.equal(billable.length, 1, 'one order, sent to the gateway');
  assert.ok(billable[0].headers['idempotency-key'], 'with its Idempotency-Key');
  assert.ok(direct.some((r) => r.headers['certorder-order-token']), 'the gateway\'s order token sent back on order-scoped calls');
  assert.deepEqual(requests.filter(onPath(widget.origin, '/api/gandi-v5')).map((r) => r.url), [], 'nothing to this server\'s proxy route');
  assert.deepEqual(widget.server.requestLog().filter((l) => l.provider === 'gandi-v5'), []);
  const gatewayLog = gateway.requestLog().filter((l) => l.provider === 'gandi-v5');
  assert.equal(gatewayLog.filter((l) => l.class === 'billable').length, 1, 'the gateway placed one order');
  assert.ok(gatewayLog.every((l) => l.status < 400), JSON.stringify(gatewayLog));

  widget.check();
  // The same rules judged against the gateway's log, which saw the billable call.
  checkRequests(requests, { keys: widget.keys, serverLog: gateway.requestLog() });
});

test('direct route refused by the other origin: the cross-origin message, a retry, nothing typed lost', async () => {
  // A second widget's server whose origin the gateway does not allow.
  const refused = await openWidget({ fragment: '#/orders', serverEnv: directEnv(gateway), ready: ordersReady });
  try {
    const { page, url, requests } = refused;
    const made = makeCsr(['kept.certorder-demo.net']);
    refused.keys.push(made.key);
    // Gandi v3 (proxied) first, up to a pasted CSR.
    await page.goto(`${url}/#/order/product`);
    await page.getByRole('heading', { name: 'Choose a certificate', level: 1 }).waitFor();
    await page.locator('#provider-gandi-v3').check();
    const product = page.getByRole('radio', { name: /^Standard \(up to 3 names\)/ });
    await chooseProduct(page, product);
    await page.getByRole('heading', { name: 'Your certificate signing request', level: 1 }).waitFor();
    await page.getByLabel('CSR (PEM)').fill(made.csr);
    await page.getByTestId('verdict').waitFor();

    // Back to the product step, and Gandi v5 on its direct route.
    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Choose a certificate', level: 1 }).waitFor();
    const gatewayOrigin = new URL(gateway.url).origin;
    const attempts = () => requests.filter(onPath(gatewayOrigin, '/api/gandi-v5/v5/')).length;
    await page.locator('#provider-gandi-v5').check();
    const message = page.getByText(`${gateway.url}/api/gandi-v5 did not allow this site to call it (its cross-origin check failed)`);
    await message.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${screenshots}/direct-refused.png`, fullPage: true });
    const first = attempts();
    assert.ok(first >= 1, 'the catalog was asked of the gateway');
    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.click();
    for (let i = 0; i < 100 && attempts() <= first; i += 1) await page.waitForTimeout(100);
    assert.ok(attempts() > first, `the retry asked again (${first} then ${attempts()})`);
    await message.waitFor({ timeout: 20_000 });
    assert.equal(await page.getByRole('radio', { name: /^Standard \(up to 3 names\)/ }).count(), 0, 'no catalog shown');

    // Nothing typed is lost: back on Gandi v3, the CSR is still there.
    await page.locator('#provider-gandi-v3').check();
    await chooseProduct(page, product);
    await page.getByRole('heading', { name: 'Your certificate signing request', level: 1 }).waitFor();
    assert.equal((await page.getByLabel('CSR (PEM)').inputValue()).trim(), made.csr.trim());
    assert.deepEqual(refused.server.requestLog().filter((l) => l.provider === 'gandi-v5'), []);
    assert.deepEqual(refused.errors, []);
    refused.check();
  } finally {
    await refused.close();
  }
});
