import { openWidget } from './support/browser.mjs';
import { makeCsr } from './support/csr.mjs';
import { orderThroughWizard } from './support/wizard.mjs';
const [slug, productSrc, ...names] = process.argv.slice(2);
const w = await openWidget({ fragment: '#/orders', ready: (p) => p.getByRole('heading', { name: 'Orders placed in this browser' }).waitFor() });
const { page, url } = w;
page.on('console', (m) => console.log('console:', m.type(), m.text()));
try {
  const made = makeCsr(names);
  await orderThroughWizard(page, url, slug, { product: new RegExp(productSrc, 'i'), csr: slug === 'gjirafa' ? undefined : made.csr, names, label: 'dbg-' + slug });
  console.log('REACHED status');
} catch (e) { console.log('ERR', e.message.split('\n')[0]); }
console.log('hash', await page.evaluate(() => location.hash));
console.log('h1', await page.locator('h1').allInnerTexts());
console.log('alerts', await page.locator('[role=alert]:not([hidden])').allInnerTexts());
console.log('radios', (await page.getByRole('radio').evaluateAll(rs => rs.map(r => r.labels?.[0]?.innerText))).slice(0, 12));
for (const r of w.requests.slice(-8)) console.log('req', r.method, r.url);
console.log('log', JSON.stringify(w.server.requestLog().slice(-6)));
console.log('pageerrors', w.errors);
await page.screenshot({ path: '/tmp/dbg/last.png', fullPage: true });
await w.close();
