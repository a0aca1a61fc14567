// The request checker every test runs on what its page sent: no provider credential, no
// private key material, and an Idempotency-Key on every billable call, judged both from the
// browser's side (the documented billable operations) and from the server's log (the class
// it recognised for each request).
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';

// The sandbox's fixed credentials (sandbox/src/credentials.rs): the server injects them; the
// page must never carry them, nor any credential header of its own (reseller mode).
const SANDBOX_CREDENTIALS = [
  'certorder-sandbox-pat',
  'certorder-sandbox-apikey',
  'certorder-sandbox-key',
  'api@sandbox.certorder.invalid',
  Buffer.from('sandbox/certorder-sandbox').toString('base64'),
];
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'cookie'];

// The documented operations that charge the account, per provider (method, path below the
// proxy route, and for XML-RPC the method name).
function isBillable({ method, url, body, headers }) {
  const { pathname, searchParams } = new URL(url);
  const match = /^\/api\/([a-z0-9-]+)(\/.*)$/.exec(pathname);
  if (!match || method !== 'POST') return false;
  const [, provider, path] = match;
  switch (provider) {
    case 'gandi-v5':
      return /^\/v5\/certificate\/issued-certs(\/[^/]+)?$/.test(path) && headers['dry-run'] !== '1';
    case 'gandi-v3':
      return /<methodName>\s*cert\.(create|renew)\s*<\/methodName>/.test(body);
    case 'realtimeregister':
      return (
        /^\/v2\/(ssl\/certificates|customers\/[^/]+\/certificates)(\/[^/]+\/renew)?$/.test(path) &&
        searchParams.get('quote') !== 'true'
      );
    case 'ssl247':
      return /^\/(order\/certificate\/place-(quick-)?order|certificate\/[^/]+\/renew)$/.test(path);
    case 'gjirafa':
      return /^\/api\/v1\/projects\/[^/]+\/certificates$/.test(path);
    default:
      return false;
  }
}

// Starts recording every request `page` (or a whole context) sends.
// A refused answer keeps the server's error code (`{"error":{"code"}}`), so the checker can tell
// the server's own refusals from a provider's 400 (Realtime Register's "acknowledge the
// billables" is one).
export function recordRequests(target) {
  const requests = [];
  const byRequest = new Map();
  target.on('request', (request) => {
    const entry = {
      url: request.url(),
      method: request.method(),
      headers: request.headers(),
      body: request.postData() ?? '',
    };
    byRequest.set(request, entry);
    requests.push(entry);
  });
  target.on('response', async (response) => {
    const entry = byRequest.get(response.request());
    if (!entry) return;
    entry.status = response.status();
    if (entry.status >= 400) {
      entry.errorCode = await response
        .json()
        .then((answer) => answer?.error?.code)
        .catch(() => undefined);
    }
  });
  return requests;
}

// The private part of a key (the EC scalar or the RSA private exponent), as it could appear
// in a request: hex, and base64 at each of the three byte alignments (edges cut, since they
// depend on the neighbouring bytes). The public key is left out: it is in every CSR.
function secretForms(pem) {
  const jwk = createPrivateKey(pem).export({ format: 'jwk' });
  const secret = Buffer.from(jwk.d, 'base64url');
  const forms = [secret.toString('hex'), secret.toString('hex').toUpperCase(), secret.toString('base64url').slice(4, -4)];
  for (const shift of [0, 1, 2]) {
    forms.push(Buffer.concat([Buffer.alloc(shift), secret]).toString('base64').slice(4, -4));
  }
  return forms;
}

// Asserts the rules on `requests`; `keys` are private keys (PEM) the test made, whose body
// must appear in no request; `serverLog` the server's request lines for the same period.
export function checkRequests(requests, { keys = [], serverLog = [] } = {}) {
  const secrets = keys.flatMap(secretForms);
  for (const request of requests) {
    const where = `${request.method} ${request.url}`;
    const everything = `${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`;
    for (const name of CREDENTIAL_HEADERS) {
      assert.equal(request.headers[name], undefined, `${where} carries a ${name} header`);
    }
    for (const credential of SANDBOX_CREDENTIALS) {
      assert.ok(!everything.includes(credential), `${where} carries a provider credential`);
    }
    assert.ok(!/PRIVATE KEY/.test(everything), `${where} carries a private key`);
    const flat = everything.replace(/\\n|\s/g, '');
    for (const secret of secrets) {
      assert.ok(!flat.includes(secret), `${where} carries private key material`);
    }
    if (isBillable(request)) {
      assert.ok(request.headers['idempotency-key'], `${where} is billable and has no Idempotency-Key`);
    }
    assert.ok(
      !String(request.errorCode ?? '').startsWith('idempotency_key'),
      `the server refused ${where}: ${request.errorCode}`,
    );
  }
  const billable = serverLog.filter((line) => line.class === 'billable');
  const keyed = requests.filter((r) => r.headers['idempotency-key']).length;
  assert.ok(
    billable.length <= keyed,
    `the server saw ${billable.length} billable calls, the page sent ${keyed} with an Idempotency-Key`,
  );
}
