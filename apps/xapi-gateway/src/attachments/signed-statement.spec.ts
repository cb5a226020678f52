import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { signStatement } from '../../test/signing';
import { SIGNATURE_USAGE_TYPE } from './attachment-parts';
import { verifySignedStatements, verifyStatementSignature } from './signed-statement';

const original = {
  id: '6a1f5c0e-9b7d-4a53-8f1e-0c2d3b4a5e6f',
  actor: { mbox: 'mailto:ada@example.org' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { en: 'passed' } },
  object: { id: 'https://lms.example/exam/1' },
  result: { success: true },
};

function signed(jws: string, overrides: Record<string, unknown> = {}) {
  const content = Buffer.from(jws);
  const sha2 = createHash('sha256').update(content).digest('hex');
  const statement = {
    ...original,
    attachments: [
      {
        usageType: SIGNATURE_USAGE_TYPE,
        display: { en: 'signature' },
        contentType: 'application/octet-stream',
        length: content.length,
        sha2,
        ...overrides,
      },
    ],
  };
  return { statement, contents: new Map([[sha2, content]]) };
}

describe('verifyStatementSignature', () => {
  it('accepts RS256, RS384 and RS512 signatures made with the x5c certificate', () => {
    for (const alg of ['RS256', 'RS384', 'RS512'] as const) {
      const { statement } = signed('');
      verifyStatementSignature(statement, signStatement(original, alg));
    }
  });

  it('accepts a valid JWS without x5c (nothing to verify it against)', () => {
    verifyStatementSignature(
      signed('').statement,
      signStatement(original, 'RS256', { x5c: false }),
    );
  });

  it('refuses a payload that differs from the statement received', () => {
    const jws = signStatement({ ...original, result: { success: false } });
    assert.throws(() => {
      verifyStatementSignature(signed('').statement, jws);
    }, /differs/);
  });

  it('refuses a tampered signature', () => {
    const jws = signStatement(original);
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const bytes = Buffer.from(signature, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    assert.throws(() => {
      verifyStatementSignature(
        signed('').statement,
        `${header}.${payload}.${bytes.toString('base64url')}`,
      );
    }, /does not verify/);
  });

  it('refuses other algorithms and malformed JWS', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(original)).toString('base64url');
    const { statement } = signed('');
    assert.throws(() => {
      verifyStatementSignature(statement, `${header}.${payload}.x`);
    }, /RS256/);
    assert.throws(() => {
      verifyStatementSignature(statement, 'not-a-jws');
    }, /compact/);
    const rs256 = Buffer.from(JSON.stringify({ alg: 'RS256' })).toString('base64url');
    assert.throws(() => {
      verifyStatementSignature(statement, `${rs256}.bm90IGpzb24.x`);
    }, /payload/);
  });
});

describe('verifySignedStatements', () => {
  it('verifies each signed statement from its part', () => {
    const { statement, contents } = signed(signStatement(original));
    verifySignedStatements([original, statement], contents);
  });

  it('refuses a signature attachment that is not application/octet-stream or has no part', () => {
    const jws = signStatement(original);
    const wrongType = signed(jws, { contentType: 'text/plain' });
    assert.throws(() => {
      verifySignedStatements([wrongType.statement], wrongType.contents);
    }, /application\/octet-stream/);
    const { statement } = signed(jws);
    assert.throws(() => {
      verifySignedStatements([statement], new Map());
    }, /multipart part/);
  });
});
