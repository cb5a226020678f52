/** Signs xAPI statements like a Learning Record Provider: compact JWS with the test certificate. */
import { createPrivateKey, sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Compiled to dist/test; the fixtures stay in the source tree.
const FIXTURES = path.resolve(__dirname, '../../test/fixtures');

const privateKey = createPrivateKey(readFileSync(path.join(FIXTURES, 'signer.key.pem')));
const certificate = new X509Certificate(readFileSync(path.join(FIXTURES, 'signer.cert.pem')));

const HASHES = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' } as const;

export function signStatement(
  statement: unknown,
  alg: keyof typeof HASHES = 'RS256',
  options: { x5c?: boolean } = {},
): string {
  const header: Record<string, unknown> = { alg };
  if (options.x5c !== false) header.x5c = [certificate.raw.toString('base64')];
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(statement)}`;
  const signature = sign(HASHES[alg], Buffer.from(input), privateKey).toString('base64url');
  return `${input}.${signature}`;
}
