import {
  actionForVerb,
  statementToLearningEvent,
  validateStatementBatch,
  type XapiStatement,
} from '@learnpulse/xapi';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DemoSimulation } from './demo-simulation';
import type { DemoStatement } from './demo-statement.types';

/** What the gateway receives: the statement as parsed JSON. */
function overTheWire(statement: DemoStatement): XapiStatement {
  return JSON.parse(JSON.stringify(statement)) as XapiStatement;
}

const NOW = Date.parse('2025-03-12T15:30:00.000Z');

describe('demo statements against the platform xAPI rules', () => {
  const simulation = new DemoSimulation({ seed: 'conformance', now: NOW });
  const backlog = simulation.backfill();
  const live = Array.from({ length: 200 }, (_, i) => simulation.nextLive(NOW + i * 1_000));

  it('pass the xAPI 2.0 statement validation, in the 100-statement batches the demo posts', () => {
    for (const statements of [backlog, live]) {
      for (let i = 0; i < statements.length; i += 100) {
        assert.deepEqual(validateStatementBatch(statements.slice(i, i + 100)), []);
      }
    }
  });

  it('use only verbs the platform maps to a learning action', () => {
    const verbs = new Set(backlog.map((s) => s.verb.id));
    for (const verb of verbs) assert.notEqual(actionForVerb(verb), 'other', verb);
  });

  it('map to learning events of the course, keeping the quiz scores', () => {
    for (const statement of backlog) {
      const event = statementToLearningEvent('demo', overTheWire(statement), NOW);
      assert.equal(event.courseId, statement.context.contextActivities.grouping[0]?.id);
      assert.equal(event.occurredAt, Date.parse(statement.timestamp));
      if (statement.result?.score) assert.equal(event.score?.scaled, statement.result.score.scaled);
    }
  });
});
