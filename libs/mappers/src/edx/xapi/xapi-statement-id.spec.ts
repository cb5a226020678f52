import { UUID_NAMESPACE_DNS, uuidV5 } from '@learnpulse/events';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { edxStatementId } from './xapi-statement-id';

const actor = {
  objectType: 'Agent' as const,
  account: { name: '32e08e30-f8ae-4ce2-94a8-c2bfe38a70cb', homePage: 'http://localhost:18000' },
};
const viewed = { id: 'http://id.tincanapi.com/verb/viewed', display: { 'en-US': 'viewed' } };

/** event-routing-backends' formula, spelled out with the Python JSON text it hashes. */
function expectedId(verbText: string, timestamp: string): string {
  const actorText =
    '{"objectType": "Agent", "account": {"name": "32e08e30-f8ae-4ce2-94a8-c2bfe38a70cb", "homePage": "http://localhost:18000"}}';
  return uuidV5(uuidV5(UUID_NAMESPACE_DNS, verbText), `${actorText}-${timestamp}`);
}

describe('edxStatementId', () => {
  const verbText = '{"id": "http://id.tincanapi.com/verb/viewed", "display": {"en-US": "viewed"}}';

  it('is uuid5(uuid5(DNS, verb JSON), actor JSON-timestamp), on every call', () => {
    const timestamp = '2023-05-03T12:00:00.000000+00:00';
    const first = edxStatementId(viewed, actor, timestamp);
    assert.equal(first, expectedId(verbText, timestamp));
    // The second call reads the remembered namespace: the same id.
    assert.equal(edxStatementId({ ...viewed }, actor, timestamp), first);
    assert.equal(
      edxStatementId(viewed, actor, '2023-05-03T12:00:01.000000+00:00'),
      expectedId(verbText, '2023-05-03T12:00:01.000000+00:00'),
    );
  });

  it('tells verbs, displays and child ids apart', () => {
    const timestamp = '2023-05-03T12:00:00.000000+00:00';
    const ids = new Set([
      edxStatementId(viewed, actor, timestamp),
      edxStatementId({ ...viewed, display: { 'en-GB': 'viewed' } }, actor, timestamp),
      edxStatementId(
        { ...viewed, id: 'http://adlnet.gov/expapi/verbs/answered' },
        actor,
        timestamp,
      ),
      edxStatementId(viewed, actor, timestamp, 'block-v1:a+b+c+type@problem+block@p1_2_1'),
      edxStatementId(viewed, actor, timestamp, 'block-v1:a+b+c+type@problem+block@p1_3_1'),
    ]);
    assert.equal(ids.size, 5);
    assert.equal(
      edxStatementId(viewed, actor, timestamp, 'child'),
      expectedId(`${verbText}-child`, timestamp),
    );
  });
});
