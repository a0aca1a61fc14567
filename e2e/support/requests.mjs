// The request checker every test runs on what its page sent: no provider credential, no
// private key material, and an Idempotency-Key on every billable call, judged both from the
// browser's side (the documented billable operations) and from the server's log (the class
// it recognised for each request).
import assert from 'node:assert/strict';

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
export function recordRequests(target) {
  const requests = [];
  target.on('request', (request) => {
    requests.push({
      url: request.url(),
      method: request.method(),
      headers: request.headers(),
      body: request.postData() ?? '',
    });
  });
  return requests;
}

// Asserts the rules on `requests`; `keys` are private keys (PEM) the test made, whose body
// must appear in no request; `serverLog` the server's request lines for the same period.
export function checkRequests(requests, { keys = [], serverLog = [] } = {}) {
  const keyBodies = keys.map((pem) =>
    pem
      .split('\n')
      .filter((line) => line && !line.startsWith('-----'))
      .join(''),
  );
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
    for (const body of keyBodies) {
      for (let at = 0; at + 40 <= body.length; at += 40) {
        assert.ok(!flat.includes(body.slice(at, at + 40)), `${where} carries private key material`);
      }
    }
    if (isBillable(request)) {
      assert.ok(request.headers['idempotency-key'], `${where} is billable and has no Idempotency-Key`);
    }
  }
  const billable = serverLog.filter((line) => line.class === 'billable');
  for (const line of billable) {
    assert.notEqual(line.status, 400, `the server refused a billable ${line.operation}: no or a bad Idempotency-Key`);
  }
  const keyed = requests.filter((r) => r.headers['idempotency-key']).length;
  assert.ok(
    billable.length <= keyed,
    `the server saw ${billable.length} billable calls, the page sent ${keyed} with an Idempotency-Key`,
  );
}
