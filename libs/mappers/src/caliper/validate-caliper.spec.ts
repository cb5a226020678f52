import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCaliperJson } from './caliper-json';
import { type CaliperValidationError } from './caliper.types';
import {
  caliperDocumentKind,
  validateCaliperDocument,
  validateCaliperEntity,
  validateCaliperEnvelope,
  validateCaliperEvent,
} from './validate-caliper';

const V1P2 = 'http://purl.imsglobal.org/ctx/caliper/v1p2';
const V1P1 = 'http://purl.imsglobal.org/ctx/caliper/v1p1';

function viewEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': V1P2,
    id: 'urn:uuid:3a648e68-f00d-4c08-aa59-8738e1884f2c',
    type: 'ViewEvent',
    actor: { id: 'https://example.edu/users/554433', type: 'Person' },
    action: 'Viewed',
    object: { id: 'https://example.edu/etexts/201.epub', type: 'Document' },
    eventTime: '2016-11-15T10:15:00.000Z',
    ...overrides,
  };
}

function envelope(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sensor: 'https://example.edu/sensors/1',
    sendTime: '2016-11-15T11:05:01.000Z',
    dataVersion: V1P2,
    data: [viewEvent()],
    ...overrides,
  };
}

function at(errors: CaliperValidationError[]): string[] {
  return errors.map((error) => `${error.path}: ${error.rule}`);
}

describe('validateCaliperEnvelope', () => {
  it('accepts an envelope of one event', () => {
    assert.deepEqual(validateCaliperEnvelope(envelope()), []);
  });

  it('rejects an envelope without a sensor', () => {
    const body = envelope();
    delete body.sensor;
    assert.deepEqual(at(validateCaliperEnvelope(body)), ['sensor: required']);
  });

  it('rejects a sensor that is not an IRI', () => {
    assert.deepEqual(at(validateCaliperEnvelope(envelope({ sensor: 'sensor one' }))), [
      'sensor: must be an IRI',
    ]);
  });

  it('rejects a sendTime that is not an ISO 8601 date-time with a zone', () => {
    for (const sendTime of ['2016-11-15', '2016-11-15T11:05:01', 'yesterday', 1479207901000]) {
      const errors = validateCaliperEnvelope(envelope({ sendTime }));
      assert.deepEqual(
        errors.map((e) => e.path),
        ['sendTime'],
        String(sendTime),
      );
    }
  });

  it('rejects an unknown dataVersion', () => {
    const errors = validateCaliperEnvelope(
      envelope({ dataVersion: 'http://purl.imsglobal.org/ctx/caliper/v1p0' }),
    );
    assert.deepEqual(
      errors.map((e) => e.path),
      ['dataVersion'],
    );
    assert.match(errors[0]?.rule ?? '', /unknown data version/);
  });

  it('rejects data that is not an array, or empty', () => {
    assert.deepEqual(at(validateCaliperEnvelope(envelope({ data: viewEvent() }))), [
      'data: must be an array',
    ]);
    assert.deepEqual(at(validateCaliperEnvelope(envelope({ data: [] }))), [
      'data: must not be empty',
    ]);
    const body = envelope();
    delete body.data;
    assert.deepEqual(at(validateCaliperEnvelope(body)), ['data: required']);
  });

  it('rejects a body that is not an object', () => {
    assert.equal(validateCaliperEnvelope([envelope()]).length, 1);
    assert.equal(validateCaliperEnvelope(null).length, 1);
  });

  it('accepts entities and entity IRIs next to events in data', () => {
    const person = { '@context': V1P2, id: 'https://example.edu/users/554433', type: 'Person' };
    const body = envelope({ data: [viewEvent(), person, 'https://example.edu/users/554433'] });
    assert.deepEqual(validateCaliperEnvelope(body), []);
  });

  it('points at the data item and property that break a rule', () => {
    const bad = viewEvent({ actor: { id: 'not an iri', type: 'Person' } });
    const body = envelope({ data: [viewEvent(), viewEvent(), bad] });
    assert.deepEqual(at(validateCaliperEnvelope(body)), ['data[2].actor.id: must be an IRI']);
  });

  it('checks data items under the version dataVersion names', () => {
    const errors = validateCaliperEnvelope(envelope({ dataVersion: V1P1 }));
    assert.deepEqual(
      errors.map((e) => e.path),
      ['data[0]["@context"]'],
    );
  });

  it('requires each data item to carry its @context', () => {
    const event = viewEvent();
    delete event['@context'];
    assert.deepEqual(at(validateCaliperEnvelope(envelope({ data: [event] }))), [
      'data[0]["@context"]: required',
    ]);
  });

  it('rejects a data item that is neither an object nor an IRI', () => {
    assert.equal(validateCaliperEnvelope(envelope({ data: [42] }))[0]?.path, 'data[0]');
  });
});

describe('validateCaliperEvent', () => {
  it('accepts a minimal ViewEvent under 1.2', () => {
    assert.deepEqual(validateCaliperEvent(viewEvent(), '1.2'), []);
  });

  it('rejects an event id that is not a urn:uuid UUID', () => {
    for (const id of ['3a648e68-f00d-4c08-aa59-8738e1884f2c', 'https://example.edu/events/1']) {
      assert.deepEqual(
        at(validateCaliperEvent(viewEvent({ id }), '1.2')),
        ['id: must be a UUID URN (urn:uuid:<UUID>)'],
        id,
      );
    }
  });

  it('rejects an action the event type does not allow, and an unknown action', () => {
    assert.match(
      at(validateCaliperEvent(viewEvent({ action: 'Deleted' }), '1.2'))[0] ?? '',
      /^action: not an action of ViewEvent/,
    );
    assert.match(
      at(validateCaliperEvent(viewEvent({ action: 'Glanced' }), '1.2'))[0] ?? '',
      /^action: unknown action/,
    );
  });

  it('allows every action on the generic Event', () => {
    const event = viewEvent({ type: 'Event', action: 'Deleted' });
    assert.deepEqual(validateCaliperEvent(event, '1.2'), []);
  });

  it('ties SessionEvent actor and object to the action', () => {
    const app = { id: 'https://example.edu', type: 'SoftwareApplication' };
    const session = { id: 'https://example.edu/sessions/1', type: 'Session' };
    const person = { id: 'https://example.edu/users/1', type: 'Person' };
    const loggedIn = viewEvent({ type: 'SessionEvent', action: 'LoggedIn', object: app });
    const timedOut = viewEvent({
      type: 'SessionEvent',
      action: 'TimedOut',
      actor: app,
      object: session,
    });
    assert.deepEqual(validateCaliperEvent(loggedIn, '1.2'), []);
    assert.deepEqual(validateCaliperEvent(timedOut, '1.2'), []);
    assert.deepEqual(
      validateCaliperEvent({ ...timedOut, actor: person }, '1.2').map((e) => e.path),
      ['actor.type'],
    );
  });

  it('requires a FeedbackEvent to generate the entity its action names', () => {
    const rating = { id: 'https://example.edu/ratings/1', type: 'Rating' };
    const comment = { id: 'https://example.edu/comments/1', type: 'Comment' };
    const feedback = (action: string, generated: unknown): Record<string, unknown> =>
      viewEvent({ type: 'FeedbackEvent', action, generated });
    assert.deepEqual(validateCaliperEvent(feedback('Ranked', rating), '1.2'), []);
    assert.deepEqual(validateCaliperEvent(feedback('Commented', comment), '1.2'), []);
    assert.deepEqual(
      validateCaliperEvent(feedback('Ranked', comment), '1.2').map((e) => e.path),
      ['generated.type'],
    );
  });

  it('requires the federatedSession of a ToolLaunchEvent', () => {
    const launch = viewEvent({
      type: 'ToolLaunchEvent',
      action: 'Launched',
      object: { id: 'https://example.com/lti/tool', type: 'SoftwareApplication' },
    });
    assert.deepEqual(at(validateCaliperEvent(launch, '1.2')), ['federatedSession: required']);
    const session = { id: 'https://example.edu/lti/sessions/1', type: 'LtiSession' };
    assert.deepEqual(validateCaliperEvent({ ...launch, federatedSession: session }, '1.2'), []);
  });

  it('accepts entity references by IRI for actor, object and context properties', () => {
    const event = viewEvent({
      actor: 'https://example.edu/users/554433',
      object: 'https://example.edu/etexts/201.epub',
      edApp: 'https://example.edu',
      group: 'https://example.edu/terms/201601/courses/7/sections/1',
    });
    assert.deepEqual(validateCaliperEvent(event, '1.2'), []);
  });

  it('rejects an eventTime without a zone and a duration that is not ISO 8601', () => {
    assert.deepEqual(
      at(validateCaliperEvent(viewEvent({ eventTime: '2016-11-15T10:15:00' }), '1.2')),
      ['eventTime: must be an ISO 8601 date and time with a zone'],
    );
    const session = { id: 'https://example.edu/s/1', type: 'Session', duration: '90 minutes' };
    assert.deepEqual(at(validateCaliperEvent(viewEvent({ session }), '1.2')), [
      'session.duration: must be an ISO 8601 duration',
    ]);
  });

  it('accepts date-times with an offset and durations with fractions', () => {
    const session = {
      id: 'https://example.edu/s/1',
      type: 'Session',
      startedAtTime: '2016-11-15T10:00:00+01:00',
      duration: 'PT1H30.5S',
    };
    assert.deepEqual(validateCaliperEvent(viewEvent({ session }), '1.2'), []);
  });

  it('reads an optional property set to null as absent (JSON-LD), a required one as missing', () => {
    const event = viewEvent({ generated: null, group: null, extensions: null });
    assert.deepEqual(validateCaliperEvent(event, '1.2'), []);
    assert.deepEqual(at(validateCaliperEvent(viewEvent({ object: null }), '1.2')), [
      'object: required, must not be null',
    ]);
  });

  it('rejects extensions that are not an object', () => {
    assert.deepEqual(at(validateCaliperEvent(viewEvent({ extensions: ['x'] }), '1.2')), [
      'extensions: must be an object',
    ]);
  });

  it('starts paths where told', () => {
    const errors = validateCaliperEvent(viewEvent({ action: 'Glanced' }), '1.2', {
      path: 'data[4]',
    });
    assert.equal(errors[0]?.path, 'data[4].action');
  });
});

describe('@context', () => {
  const withContext = (context: unknown): CaliperValidationError[] =>
    validateCaliperEvent(viewEvent({ '@context': context }), '1.2');

  it('accepts the version context, alone or in an array with extension contexts', () => {
    assert.deepEqual(withContext(V1P2), []);
    assert.deepEqual(withContext(['https://some.domain.com/caliper/ctx/v1p2', V1P2]), []);
    assert.deepEqual(withContext([V1P2, { custom: 'https://some.domain.com/vocab#custom' }]), []);
  });

  it('accepts a profile extension context of the version', () => {
    const context = `${V1P1}/ToolUseProfile-extension`;
    const event = viewEvent({ '@context': context });
    assert.deepEqual(validateCaliperEvent(event, '1.1'), []);
  });

  it('accepts an inline context that maps terms to the Caliper vocabulary', () => {
    assert.deepEqual(withContext({ caliper: 'http://purl.imsglobal.org/caliper/' }), []);
  });

  it('rejects an unknown context, and an array without a Caliper context', () => {
    assert.match(at(withContext('http://some.domain.com/ctx'))[0] ?? '', /unknown context/);
    assert.match(at(withContext(['http://some.domain.com/ctx']))[0] ?? '', /unknown context/);
    assert.match(at(withContext({ term: 'http://x.org/' }))[0] ?? '', /unknown context/);
    assert.equal(withContext([]).length, 1);
    assert.equal(withContext(42).length, 1);
  });

  it('rejects the other version’s context', () => {
    assert.deepEqual(
      validateCaliperEvent(viewEvent(), '1.1').map((e) => e.path),
      ['@context'],
    );
  });
});

describe('validateCaliperEntity', () => {
  it('accepts an entity reference by IRI and rejects prose', () => {
    assert.deepEqual(validateCaliperEntity('https://example.edu/users/1', '1.2'), []);
    assert.equal(validateCaliperEntity('jane', '1.2').length, 1);
  });

  it('rejects an entity type the version does not define', () => {
    const epub = { '@context': V1P2, id: 'https://example.edu/e/1', type: 'EpubChapter' };
    assert.match(at(validateCaliperEntity(epub, '1.2'))[0] ?? '', /^type: unknown entity type/);
    const epub11 = { ...epub, '@context': V1P1 };
    assert.deepEqual(validateCaliperEntity(epub11, '1.1'), []);
  });

  it('checks nested entities by their own type', () => {
    const membership = {
      '@context': V1P2,
      id: 'https://example.edu/m/1',
      type: 'Membership',
      member: { id: 'https://example.edu/users/1', type: 'Person', dateCreated: 'today' },
      roles: ['Learner', 'Instructor#TeachingAssistant'],
      status: 'Active',
    };
    assert.deepEqual(at(validateCaliperEntity(membership, '1.2')), [
      'member.dateCreated: must be an ISO 8601 date and time with a zone',
    ]);
  });

  it('needs a decimal property written with a fraction when parsed by parseCaliperJson', () => {
    const text = (score: string): string =>
      `{"@context":"${V1P2}","id":"https://example.edu/s/1","type":"Score","scoreGiven":${score}}`;
    const parsed = parseCaliperJson(text('10'));
    assert.ok(parsed.ok);
    assert.deepEqual(
      validateCaliperEntity(parsed.value, '1.2').map((e) => e.path),
      ['scoreGiven'],
    );
    const decimal = parseCaliperJson(text('10.0'));
    assert.ok(decimal.ok);
    assert.deepEqual(validateCaliperEntity(decimal.value, '1.2'), []);
    // Built in code, a 10 cannot be told from 10.0: accepted.
    assert.deepEqual(validateCaliperEntity(JSON.parse(text('10')), '1.2'), []);
  });
});

describe('parseCaliperJson', () => {
  it('reports a body that is not JSON instead of throwing', () => {
    const result = parseCaliperJson('{"id": ');
    assert.ok(!result.ok);
    assert.match(result.errors[0]?.rule ?? '', /^must be JSON/);
  });
});

describe('validateCaliperDocument', () => {
  it('tells envelopes, events, entities and endpoint configurations apart by content', () => {
    assert.equal(caliperDocumentKind(envelope()), 'envelope');
    assert.equal(caliperDocumentKind(viewEvent()), 'event');
    assert.equal(caliperDocumentKind({ id: 'https://x.org/p', type: 'Person' }), 'entity');
    assert.equal(caliperDocumentKind({ caliper_supported_versions: [V1P2] }), 'endpoint-config');
    // No type, but an event's own properties: an event missing its type.
    assert.equal(caliperDocumentKind({ actor: 'https://x.org/p', action: 'Viewed' }), 'event');
  });

  it('validates an endpoint configuration payload', () => {
    const good = { caliper_supported_versions: [V1P2], caliper_maximum_payload_size: 512 };
    assert.deepEqual(validateCaliperDocument(good).errors, []);
    const bad = { caliper_supported_versions: ['v1p2'], caliper_maximum_payload_size: '512' };
    assert.deepEqual(
      validateCaliperDocument(bad).errors.map((e) => e.path),
      ['caliper_supported_versions[0]', 'caliper_maximum_payload_size'],
    );
  });

  it('uses the version the @context names', () => {
    assert.equal(validateCaliperDocument({ ...viewEvent(), '@context': V1P1 }).version, '1.1');
  });
});
