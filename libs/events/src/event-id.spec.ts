import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  deriveEventId,
  LEARNPULSE_EVENT_ID_NAMESPACE,
  UUID_NAMESPACE_DNS,
  UUID_NAMESPACE_URL,
  uuidV5,
} from './event-id';

describe('deriveEventId', () => {
  it('matches the RFC 9562 UUIDv5 of www.example.com in the DNS namespace', () => {
    assert.equal(
      deriveEventId(UUID_NAMESPACE_DNS, ['www.example.com']),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  // Expected values computed with Python's uuid.uuid5, an independent implementation.
  it('matches other implementations for URLs and non-ASCII names', () => {
    assert.equal(
      deriveEventId(UUID_NAMESPACE_URL, ['https://lms.example.edu/courses/bio-101/events/42']),
      '943404cd-c6eb-5779-84f0-a9059b86ca67',
    );
    assert.equal(
      deriveEventId(UUID_NAMESPACE_DNS, ['étudiant.example.org']),
      '3d80cb1c-a743-541e-b768-057c8609e980',
    );
  });

  it('keeps ids derived in the learnpulse namespace stable', () => {
    assert.equal(
      deriveEventId(LEARNPULSE_EVENT_ID_NAMESPACE, ['edx', 'demo', 'abc']),
      'fbfdf99a-0f65-571f-8373-cb203de9371b',
    );
  });

  it('gives different ids to different splits of the same text', () => {
    const ns = LEARNPULSE_EVENT_ID_NAMESPACE;
    const ids = new Set([
      deriveEventId(ns, ['a:b', 'c']),
      deriveEventId(ns, ['a', 'b:c']),
      deriveEventId(ns, ['a\u001fb', 'c']),
      deriveEventId(ns, ['a', 'b\u001fc']),
      deriveEventId(ns, ['a\\', 'b']),
      deriveEventId(ns, ['a', '\\b']),
    ]);
    assert.equal(ids.size, 6);
  });

  it('sets version 5 and the RFC variant', () => {
    const id = deriveEventId(UUID_NAMESPACE_URL, ['x']);
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a namespace that is not a UUID and an empty part list', () => {
    assert.throws(() => deriveEventId('edx', ['x']), TypeError);
    assert.throws(() => deriveEventId(UUID_NAMESPACE_DNS, []), TypeError);
  });
});

describe('uuidV5', () => {
  it('is the plain RFC 9562 UUIDv5 of one name, backslashes included', () => {
    assert.equal(
      uuidV5(UUID_NAMESPACE_DNS, 'www.example.com'),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'a\\b') (one backslash in the name).
    assert.equal(uuidV5(UUID_NAMESPACE_DNS, 'a\\b'), '2bff19c4-8f5f-5faf-a541-b718f90909e2');
    assert.notEqual(
      uuidV5(UUID_NAMESPACE_DNS, 'a\\b'),
      deriveEventId(UUID_NAMESPACE_DNS, ['a\\b']),
    );
    assert.equal(
      uuidV5(UUID_NAMESPACE_DNS, 'étudiant.example.org'),
      '3d80cb1c-a743-541e-b768-057c8609e980',
    );
  });
});
