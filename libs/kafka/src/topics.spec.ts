import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TOPIC_SPECS, TOPICS } from './topics';

describe('TOPIC_SPECS', () => {
  it('declares every topic of TOPICS exactly once', () => {
    const names = TOPIC_SPECS.map((spec) => spec.name);
    assert.deepEqual([...names].sort(), Object.values(TOPICS).sort());
  });

  it('compacts exactly the topics flagged as compacted', () => {
    for (const spec of TOPIC_SPECS) {
      const policy = spec.configEntries.find((entry) => entry.name === 'cleanup.policy');
      assert.equal(policy?.value === 'compact', spec.compacted, spec.name);
    }
    assert.deepEqual(
      TOPIC_SPECS.filter((spec) => spec.compacted).map((spec) => spec.name),
      [
        TOPICS.riskEngineState,
        TOPICS.tenancy,
        TOPICS.webhookSubscriptions,
        TOPICS.alertDispatcherState,
      ],
    );
  });

  it('bounds the retention of the dead-letter topic', () => {
    const dlq = TOPIC_SPECS.find((spec) => spec.name === TOPICS.learningEventsDlq);
    const retention = dlq?.configEntries.find((entry) => entry.name === 'retention.ms');
    assert.ok(retention !== undefined && Number(retention.value) > 0);
  });

  it('keys learner-ordered topics by tenant and learner', () => {
    const keyOf = (name: string): string | undefined =>
      TOPIC_SPECS.find((spec) => spec.name === name)?.key;
    assert.equal(keyOf(TOPICS.learningEvents), 'tenant:learnerId');
    assert.equal(keyOf(TOPICS.xapiStatements), 'tenant:statementId');
  });
});
