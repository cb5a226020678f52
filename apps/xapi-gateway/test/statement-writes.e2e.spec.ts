/**
 * PUT/POST /xapi/statements on the real stack: re-sent ids (no-op or 409), voiding, multipart
 * attachments and signed statements. warehouse-writer and the gateway run in this process
 * (they share the embedded ClickHouse); Kafka is the test broker.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { basicAuthHeader } from '@learnpulse/auth';
import { type Environment } from '@learnpulse/config';
import { createKafka, ensureTopics, TOPIC_SPECS, TOPICS } from '@learnpulse/kafka';
import { freePort, testEnvironment, uniqueName, waitFor } from '@learnpulse/testing';
import { bootstrapWarehouseWriter } from '@learnpulse/warehouse-writer';
import { type INestApplication } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { AttachmentStore } from '../src/attachments/attachment-store.service';
import { KnownStatementIds } from '../src/known-ids/known-statement-ids';
import { SIGNATURE_USAGE_TYPE } from '../src/attachments/attachment-parts';
import { bootstrapXapiGateway } from '../src/index';
import { StatementStore } from '../src/store/statement-store.service';
import { endOffsets, readBetween } from './kafka-window';
import { signStatement } from './signing';

type Json = Record<string, unknown>;

const VERSION = { 'X-Experience-API-Version': '2.0.0' };
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const CRLF = '\r\n';

interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

function multipart(statements: unknown, parts: Part[]): { contentType: string; body: Buffer } {
  const boundary = `test-${randomUUID()}`;
  const chunks: Buffer[] = [
    Buffer.from(`--${boundary}${CRLF}Content-Type: application/json${CRLF}${CRLF}`),
    Buffer.from(JSON.stringify(statements)),
  ];
  for (const part of parts) {
    const headers = Object.entries(part.headers)
      .map(([name, value]) => `${name}: ${value}${CRLF}`)
      .join('');
    chunks.push(Buffer.from(`${CRLF}--${boundary}${CRLF}${headers}${CRLF}`), part.body);
  }
  chunks.push(Buffer.from(`${CRLF}--${boundary}--${CRLF}`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

function attachmentPart(content: Buffer, hash = sha256(content)): Part {
  return {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Transfer-Encoding': 'binary',
      'X-Experience-API-Hash': hash,
    },
    body: content,
  };
}

describe('statement writes (writer + gateway, real Kafka and ClickHouse)', () => {
  let env: Environment;
  let writer: INestApplication;
  let gateway: INestApplication;
  let kafka: Kafka;
  let baseUrl: string;
  let tenant: string;
  let authorization: string;
  let store: StatementStore;

  before(async () => {
    env = await testEnvironment();
    kafka = createKafka(env, 'statement-writes-test');
    await ensureTopics(kafka, {
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
      topics: TOPIC_SPECS.filter((spec) =>
        [TOPICS.xapiStatements, TOPICS.learningEvents, TOPICS.xapiAttachments].some(
          (name) => name === spec.name,
        ),
      ),
    });
    writer = await bootstrapWarehouseWriter(env);
    gateway = await bootstrapXapiGateway(env);
    baseUrl = `http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}`;
    tenant = env.DEMO_TENANT;
    authorization = basicAuthHeader(env.DEMO_LRS_KEY, env.DEMO_LRS_SECRET ?? '');
    store = gateway.get(StatementStore);
  });

  after(async () => {
    await gateway.close();
    await writer.close();
  });

  function send(
    method: 'POST' | 'PUT',
    body: unknown,
    options: { query?: string; contentType?: string; url?: string } = {},
  ): Promise<Response> {
    const raw = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    return fetch(`${options.url ?? baseUrl}/xapi/statements${options.query ?? ''}`, {
      method,
      headers: {
        authorization,
        ...VERSION,
        'content-type': options.contentType ?? 'application/json',
      },
      body: raw,
    });
  }

  function statement(overrides: Json = {}): Json {
    const marker = uniqueName('w');
    return {
      id: randomUUID(),
      actor: { objectType: 'Agent', mbox: `mailto:${marker}@writes.example` },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
      object: { id: `https://lms.example/${marker}` },
      timestamp: '2024-05-01T12:00:00.000Z',
      ...overrides,
    };
  }

  /** How many records of this tenant with key suffix `id` arrived on xapi.statements.v1 during `action`. */
  async function producedDuring(ids: string[], action: () => Promise<void>): Promise<string[]> {
    const from = await endOffsets(kafka, TOPICS.xapiStatements);
    await action();
    const to = await endOffsets(kafka, TOPICS.xapiStatements);
    const messages = await readBetween(kafka, TOPICS.xapiStatements, from, to);
    const keys = new Set(ids.map((id) => `${tenant}:${id}`));
    return messages.filter((m) => keys.has(m.key)).map((m) => m.key.slice(tenant.length + 1));
  }

  function inStore(id: string) {
    return waitFor(
      `statement ${id} in the store`,
      async () => (await store.findById(tenant, id)) ?? undefined,
      { timeoutMs: 120_000 },
    );
  }

  it('PUT stores a statement with 204; the same content again is a no-op, other content 409', async () => {
    const first = statement();
    const id = String(first.id);
    const produced = await producedDuring([id], async () => {
      const response = await send('PUT', first, { query: `?statementId=${id}` });
      assert.equal(response.status, 204, await response.text());
    });
    assert.deepEqual(produced, [id]);

    const again = await producedDuring([id], async () => {
      // Same statement, other serialisation: no id in the body, timestamp in another zone.
      const withoutId = { ...first };
      delete withoutId.id;
      const response = await send(
        'PUT',
        { ...withoutId, timestamp: '2024-05-01T14:00:00.000+02:00' },
        { query: `?statementId=${id.toUpperCase()}` },
      );
      assert.equal(response.status, 204, await response.text());
    });
    assert.deepEqual(again, []);

    const conflict = await send(
      'PUT',
      { ...first, result: { success: true } },
      {
        query: `?statementId=${id}`,
      },
    );
    assert.equal(conflict.status, 409);

    // Once stored, a fresh gateway (empty recent-id memory) answers from the store.
    await inStore(id);
    const port = await freePort();
    const fresh = await bootstrapXapiGateway({ ...env, XAPI_GATEWAY_PORT: port });
    try {
      const url = `http://${env.HTTP_HOST}:${port}`;
      const storedConflict = await send(
        'PUT',
        { ...first, result: { success: false } },
        {
          query: `?statementId=${id}`,
          url,
        },
      );
      assert.equal(storedConflict.status, 409);
      const storedSame = await producedDuring([id], async () => {
        const response = await send('PUT', first, { query: `?statementId=${id}`, url });
        assert.equal(response.status, 204, await response.text());
      });
      assert.deepEqual(storedSame, []);
    } finally {
      await fresh.close();
    }
  });

  it('PUT needs a UUID statementId equal to the body id', async () => {
    const body = statement();
    assert.equal((await send('PUT', body)).status, 400);
    assert.equal((await send('PUT', body, { query: '?statementId=nope' })).status, 400);
    const other = await send('PUT', body, { query: `?statementId=${randomUUID()}` });
    assert.equal(other.status, 400);
    assert.match(await other.text(), /differs from the statementId/);
    const array = await send('PUT', [body], { query: `?statementId=${String(body.id)}` });
    assert.equal(array.status, 400);
  });

  it('POST answers every id, writes only new statements and refuses a changed re-send', async () => {
    const known = statement();
    const first = await send('POST', [known]);
    assert.equal(first.status, 200);

    const added = statement();
    const ids = [String(known.id), String(added.id)];
    const produced = await producedDuring(ids, async () => {
      const response = await send('POST', [known, added]);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), ids);
    });
    assert.deepEqual(produced, [String(added.id)]);

    const changed = await producedDuring(ids, async () => {
      const response = await send('POST', [statement(), { ...known, verb: { id: VOIDED } }]);
      assert.equal(response.status, 409);
    });
    assert.deepEqual(changed, []);

    const duplicateInBatch = await send('POST', [added, added]);
    assert.equal(duplicateInBatch.status, 400);
  });

  it('a second gateway knows the ids stored through the first, at start and as they arrive', async () => {
    const before = statement();
    assert.equal(
      (await send('PUT', before, { query: `?statementId=${String(before.id)}` })).status,
      204,
    );
    await inStore(String(before.id));

    const port = await freePort();
    const second = await bootstrapXapiGateway({ ...env, XAPI_GATEWAY_PORT: port });
    try {
      const url = `http://${env.HTTP_HOST}:${port}`;
      const known = second.get(KnownStatementIds);
      await waitFor(
        'the second gateway to load the known ids',
        async () => Promise.resolve(known.ready || undefined),
        {
          timeoutMs: 120_000,
        },
      );
      // Loaded at start: the same content is a no-op, other content a conflict.
      assert.equal(
        (await send('PUT', before, { query: `?statementId=${String(before.id)}`, url })).status,
        204,
      );
      const changedBefore = { ...before, verb: { id: VOIDED } };
      assert.equal(
        (await send('PUT', changedBefore, { query: `?statementId=${String(before.id)}`, url }))
          .status,
        409,
      );

      // Written through the first gateway after the second started: known through the tail.
      const later = statement();
      assert.equal((await send('POST', [later])).status, 200);
      await inStore(String(later.id));
      await waitFor(
        'the tail to bring the new id',
        async () => Promise.resolve(known.mightBeStored(tenant, String(later.id)) || undefined),
        { timeoutMs: 30_000 },
      );
      const changedLater = await send('POST', [{ ...later, verb: { id: VOIDED } }], { url });
      assert.equal(changedLater.status, 409);

      // An id nobody stored is certainly new and is not looked up.
      assert.equal(known.mightBeStored(tenant, randomUUID()), false);
    } finally {
      await second.close();
    }
  });

  it('voiding hides the target from GET; voiding a voiding statement is refused', async () => {
    const target = statement();
    assert.equal((await send('POST', target)).status, 200);
    const voiding = statement({
      verb: { id: VOIDED, display: { en: 'voided' } },
      object: { objectType: 'StatementRef', id: target.id },
    });
    assert.equal((await send('POST', voiding)).status, 200);

    const voided = await waitFor(
      'the target to be voided in the store',
      async () => {
        const view = await store.findById(tenant, String(target.id));
        return view?.voided === true ? view : undefined;
      },
      { timeoutMs: 120_000 },
    );
    assert.equal(voided.isVoiding, false);
    const get = await fetch(`${baseUrl}/xapi/statements?statementId=${String(target.id)}`, {
      headers: { authorization, ...VERSION },
    });
    assert.equal(get.status, 404);

    const voidVoiding = statement({
      verb: { id: VOIDED },
      object: { objectType: 'StatementRef', id: voiding.id },
    });
    const refused = await send('POST', voidVoiding);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /voiding statement cannot be voided/);
    // Also when the voiding statement is in the same request.
    const both = await send('POST', [
      statement(),
      { ...voiding, id: randomUUID() },
      statement({ verb: { id: VOIDED }, object: { objectType: 'StatementRef', id: voiding.id } }),
    ]);
    assert.equal(both.status, 400);
  });

  describe('attachments (multipart/mixed)', () => {
    const content = Buffer.concat([
      Buffer.from('certificate\r\n--not-a-boundary'),
      Buffer.from([0, 255, 128]),
    ]);
    const declared = (overrides: Json = {}) => ({
      usageType: 'http://example.com/attachment-usage/certificate',
      display: { en: 'certificate' },
      contentType: 'image/png',
      length: content.length,
      sha2: sha256(content),
      ...overrides,
    });

    it('stores the data of a declared part, readable through AttachmentStore', async () => {
      const body = statement({ attachments: [declared()] });
      const request = multipart([body], [attachmentPart(content)]);
      const response = await send('POST', request.body, { contentType: request.contentType });
      assert.equal(response.status, 200, await response.text());

      const attachments = gateway.get(AttachmentStore);
      const [stored] = await waitFor(
        'the attachment in ClickHouse',
        async () => {
          const found = await attachments.fetch(tenant, [sha256(content).toUpperCase()]);
          return found.length > 0 ? found : undefined;
        },
        { timeoutMs: 120_000 },
      );
      assert.ok(stored);
      assert.equal(stored.sha2, sha256(content));
      assert.equal(stored.contentType, 'image/png');
      assert.ok(stored.content.equals(content));
      assert.deepEqual(await attachments.fetch('another-tenant', [sha256(content)]), []);
    });

    it('PUT takes a multipart statement too', async () => {
      const body = statement({ attachments: [declared()] });
      const request = multipart(body, [attachmentPart(content)]);
      const response = await send('PUT', request.body, {
        contentType: request.contentType,
        query: `?statementId=${String(body.id)}`,
      });
      assert.equal(response.status, 204, await response.text());
    });

    it('refuses a wrong hash, a missing part, an undeclared part, and JSON without fileUrl', async () => {
      const body = statement({ attachments: [declared()] });
      const wrongHash = multipart(
        [body],
        [attachmentPart(Buffer.from('tampered'), sha256(content))],
      );
      const produced = await producedDuring([String(body.id)], async () => {
        for (const request of [
          wrongHash,
          multipart([body], []),
          multipart([body], [attachmentPart(content), attachmentPart(Buffer.from('extra'))]),
        ]) {
          const response = await send('POST', request.body, { contentType: request.contentType });
          assert.equal(response.status, 400, await response.text());
        }
        assert.equal((await send('POST', body)).status, 400);
      });
      assert.deepEqual(produced, []);
      const withUrl = statement({
        attachments: [declared({ fileUrl: 'https://files.example/cert.png' })],
      });
      assert.equal((await send('POST', withUrl)).status, 200);
    });
  });

  describe('signed statements', () => {
    function signedRequest(signedPayload: Json, received: Json) {
      const jws = Buffer.from(signStatement(signedPayload));
      const body = {
        ...received,
        attachments: [
          {
            usageType: SIGNATURE_USAGE_TYPE,
            display: { en: 'signature' },
            contentType: 'application/octet-stream',
            length: jws.length,
            sha2: sha256(jws),
          },
        ],
      };
      return multipart([body], [attachmentPart(jws)]);
    }

    it('accepts a statement whose JWS verifies with its x5c certificate', async () => {
      const original = statement();
      const request = signedRequest(original, original);
      const response = await send('POST', request.body, { contentType: request.contentType });
      assert.equal(response.status, 200, await response.clone().text());
      assert.deepEqual(await response.json(), [original.id]);
    });

    it('refuses a statement changed after signing', async () => {
      const original = statement();
      const request = signedRequest(original, { ...original, result: { success: true } });
      const response = await send('POST', request.body, { contentType: request.contentType });
      assert.equal(response.status, 400);
      assert.match(await response.text(), /signed statement differs/);
    });
  });
});
