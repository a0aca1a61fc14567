// Certificate signing requests made for a test with openssl, and the check that a downloaded
// certificate belongs to one (same public key, the ordered names).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate, createPublicKey } from 'node:crypto';

// A P-256 key and a CSR for `names` (the first is the common name). Returns both PEMs; the
// key stays in the test, which hands it to the request checker.
export function makeCsr(names, { organization } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'certorder-e2e-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const csrPath = join(dir, 'csr.pem');
    const config = [
      '[req]',
      'distinguished_name = dn',
      'req_extensions = ext',
      'prompt = no',
      '[dn]',
      `CN = ${names[0]}`,
      ...(organization ? [`O = ${organization}`, 'C = NL', 'L = Amsterdam', 'ST = Noord-Holland'] : []),
      '[ext]',
      `subjectAltName = ${names.map((n) => `DNS:${n}`).join(',')}`,
    ].join('\n');
    writeFileSync(join(dir, 'req.cnf'), config);
    execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', keyPath]);
    execFileSync('openssl', ['req', '-new', '-key', keyPath, '-config', join(dir, 'req.cnf'), '-out', csrPath]);
    return { key: readFileSync(keyPath, 'utf8'), csr: readFileSync(csrPath, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The certificate (first PEM block of `pem`) parsed; throws unless its key is `key`'s and
// its names are `names`.
export function certificateMatches(pem, key, names) {
  const certificate = new X509Certificate(pem);
  const expected = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const actual = certificate.publicKey.export({ type: 'spki', format: 'der' });
  if (!expected.equals(actual)) throw new Error('the certificate is not for the CSR\'s key');
  const sans = (certificate.subjectAltName ?? '')
    .split(',')
    .map((s) => s.trim().replace(/^DNS:/, ''))
    .filter(Boolean);
  for (const name of names) {
    if (!sans.includes(name)) throw new Error(`${name} is not on the certificate (${sans.join(', ')})`);
  }
  return certificate;
}
