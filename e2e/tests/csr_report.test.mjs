// The CSR step as a person uses it: paste, drop a file, read the report, never leak a key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openWidget, fixtures, screenshots, a11yViolations } from '../support/browser.mjs';

let widget;
before(async () => {
  await mkdir(screenshots, { recursive: true });
  widget = await openWidget();
});
after(async () => widget?.close());

async function paste(text) {
  const { page } = widget;
  await page.getByLabel('CSR (PEM)').fill(text);
}

test('a good CSR gets a report that says it can be ordered', async () => {
  const { page } = widget;
  await paste(await readFile(join(fixtures, 'widget', 'good.csr'), 'utf8'));
  await assert.doesNotReject(page.getByTestId('verdict').waitFor());
  assert.match(await page.getByTestId('verdict').innerText(), /can be ordered/);
  const details = await page.getByTestId('details').innerText();
  assert.match(details, /shop\.certorder-demo\.nl/);
  assert.match(details, /DNS:www\.shop\.certorder-demo\.nl/);
  assert.match(details, /P-256/);
  assert.match(details, /valid/);
  await page.screenshot({ path: join(screenshots, 'csr-good.png'), fullPage: true });
});

test('a CSR with problems lists every one of them', async () => {
  const { page } = widget;
  await paste(await readFile(join(fixtures, 'widget', 'several-problems.csr'), 'utf8'));
  await page.getByTestId('findings').waitFor();
  assert.match(await page.getByTestId('verdict').innerText(), /must be fixed/);
  const codes = await page.locator('[data-testid=findings] li').evaluateAll((items) =>
    items.map((li) => li.dataset.code),
  );
  for (const code of ['rsa-key-too-small', 'organizational-unit', 'internal-name', 'country-invalid']) {
    assert.ok(codes.includes(code), `expected finding ${code} among ${codes.join(', ')}`);
  }
  await page.screenshot({ path: join(screenshots, 'csr-findings.png'), fullPage: true });
});

test('a pasted private key is removed from the text area at once and never sent anywhere', async () => {
  const { page, requests, origin } = widget;
  const before = requests.length;
  const key = await readFile(join(fixtures, 'input', 'key-pkcs8.pem'), 'utf8');
  widget.keys.push(key);
  // A real paste: the clipboard's text arrives as one input event.
  const box = page.getByLabel('CSR (PEM)');
  await box.fill('');
  await box.focus();
  await page.evaluate((text) => {
    const area = document.getElementById('csr-text');
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, key);
  const notice = page.getByTestId('key-removed');
  await notice.waitFor();
  assert.equal(await box.inputValue(), '', 'the key is still in the text area');
  const said = await notice.innerText();
  assert.match(said, /removed/);
  assert.match(said, /never sent or stored/);
  assert.match(said, /treat it as exposed/);
  assert.equal(await notice.getAttribute('role'), 'alert');
  const html = await page.content();
  assert.ok(!html.includes('PRIVATE KEY-----'), 'the key is still in the page');
  const body = key.split('\n').filter((l) => !l.startsWith('-----')).join('');
  const sent = requests.slice(before);
  assert.ok(
    sent.every((r) => !r.body.includes('PRIVATE KEY') && !r.body.includes(body.slice(0, 40))),
    'a request carried the key',
  );
  assert.ok(sent.every((r) => !r.url.includes(body.slice(0, 40))), 'a URL carried the key');
  assert.ok(requests.every((r) => r.url.startsWith(origin)), 'the page talked to another origin');
  await page.screenshot({ path: join(screenshots, 'csr-key-removed.png'), fullPage: true });
});

test('a private key pasted with its CSR leaves only the CSR, which is read', async () => {
  const { page } = widget;
  await paste(await readFile(join(fixtures, 'input', 'paste-key-and-csr.txt'), 'utf8'));
  await page.getByTestId('verdict').waitFor();
  const left = await page.getByLabel('CSR (PEM)').inputValue();
  assert.ok(!left.includes('PRIVATE KEY'), 'the key is still in the text area');
  assert.match(left, /BEGIN CERTIFICATE REQUEST/);
  assert.match(await page.getByTestId('details').innerText(), /www\.example\.com/);
});

test('a DER file chosen with the file picker is read', async () => {
  const { page } = widget;
  await paste('');
  await page.getByTestId('csr-file').setInputFiles(join(fixtures, 'widget', 'good.der'));
  await page.getByTestId('verdict').waitFor();
  assert.match(await page.getByTestId('details').innerText(), /shop\.certorder-demo\.nl/);
});

test('the form can be reached by keyboard and has no accessibility violations', async () => {
  const { page, errors } = widget;
  await page.reload();
  await page.getByTestId('csr-text').waitFor();
  // The header's links come first; the text area is reached with Tab alone.
  let focused;
  for (let presses = 0; presses < 8 && focused !== 'csr-text'; presses += 1) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id);
  }
  assert.equal(focused, 'csr-text');
  const violations = await a11yViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), []);
  assert.deepEqual(errors, []);
});

test('every request the page sent passes the request checker', () => {
  widget.check();
});
