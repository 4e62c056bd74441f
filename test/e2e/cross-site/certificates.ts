import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate authority made for one test run, and one server certificate it signed. */
export interface TestPki {
  /** PEM file of the CA (for NODE_EXTRA_CA_CERTS). */
  caFile: string;
  cert: string;
  key: string;
  /** base64 SHA-256 of the server key's SubjectPublicKeyInfo (Chromium's `--ignore-certificate-errors-spki-list`). */
  spkiSha256: string;
  dispose(): Promise<void>;
}

/**
 * Makes a CA and a server certificate for `hosts` with the openssl command line (Debian's
 * `openssl`, present wherever Node's own is): P-256 keys, valid for two days, the names in
 * subjectAltName as browsers require. Nothing is installed in any trust store: each browser
 * and the product's process are told about it on their own.
 */
export async function makeTestPki(hosts: readonly string[]): Promise<TestPki> {
  const dir = await mkdtemp(join(tmpdir(), 'gp-pki-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

  await openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=gp-portal test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  await openssl('req', ...ec, '-keyout', 'site.key', '-out', 'site.csr', '-subj', `/CN=${hosts[0]}`);
  await writeFile(
    file('site.ext'),
    [
      `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
    ].join('\n'),
  );
  await openssl(
    'x509',
    '-req',
    '-in',
    'site.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'site.pem',
    '-days',
    '2',
    '-extfile',
    'site.ext',
  );

  const cert = await readFile(file('site.pem'), 'utf8');
  const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return {
    caFile: file('ca.pem'),
    cert,
    key: await readFile(file('site.key'), 'utf8'),
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
