import { type RiskAssessment } from '@learnpulse/events';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AlertMemory, decideAlert, isRise } from './alert-rules';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 1, 12);
const RULES = { cooldownMs: 24 * HOUR, minEvidenceReasons: 1, maxAgeMs: 24 * HOUR };

function assessment(overrides: Partial<RiskAssessment> = {}): RiskAssessment {
  return {
    assessmentId: 'a-1',
    tenant: 'uni',
    learnerId: 'l-1',
    courseId: 'c-1',
    score: 0.7,
    level: 'medium',
    previousLevel: 'low',
    reasons: [
      {
        detector: 'inactivity',
        text: 'no activity for 9 days',
        weight: 0.5,
        evidence: { days: 9 },
      },
    ],
    modelVersion: 'm-1',
    asOf: NOW - HOUR,
    lastActivityAt: null,
    ...overrides,
  };
}

describe('isRise', () => {
  it('is true for low→medium, medium→high, low→high and a first assessment above low', () => {
    assert.equal(isRise({ level: 'medium', previousLevel: 'low' }), true);
    assert.equal(isRise({ level: 'high', previousLevel: 'medium' }), true);
    assert.equal(isRise({ level: 'high', previousLevel: 'low' }), true);
    assert.equal(isRise({ level: 'medium', previousLevel: null }), true);
  });

  it('is false for a fall, the same level and a first assessment at low', () => {
    assert.equal(isRise({ level: 'low', previousLevel: 'high' }), false);
    assert.equal(isRise({ level: 'medium', previousLevel: 'medium' }), false);
    assert.equal(isRise({ level: 'low', previousLevel: null }), false);
  });
});

describe('decideAlert', () => {
  it('sends a fresh rise with evidence at or above the minimum level', () => {
    assert.deepEqual(decideAlert(assessment(), 'medium', undefined, RULES, NOW), { send: true });
  });

  it('names why an assessment raises no alert', () => {
    const because = (a: RiskAssessment, minLevel: 'low' | 'medium' | 'high' = 'low'): unknown => {
      const decision = decideAlert(a, minLevel, undefined, RULES, NOW);
      return decision.send ? 'send' : decision.because;
    };
    assert.equal(because(assessment({ level: 'low', previousLevel: 'medium' })), 'not-a-rise');
    assert.equal(because(assessment(), 'high'), 'below-min-level');
    assert.equal(
      because(assessment({ reasons: [{ detector: 'x', text: 't', weight: 1, evidence: {} }] })),
      'little-evidence',
    );
    assert.equal(because(assessment({ asOf: NOW - 25 * HOUR })), 'stale');
  });

  it('holds a second rise back within the cooldown and lets it through after', () => {
    const memory: AlertMemory = {
      lastHandledAssessmentId: 'a-0',
      lastHandledAsOf: NOW - 5 * HOUR,
      lastDelivered: { assessmentId: 'a-0', level: 'medium', asOf: NOW - 5 * HOUR },
    };
    const rise = assessment({ level: 'high', previousLevel: 'medium' });
    assert.deepEqual(decideAlert(rise, 'low', memory, RULES, NOW), {
      send: false,
      because: 'cooldown',
    });
    const later = { ...RULES, cooldownMs: 4 * HOUR };
    assert.deepEqual(decideAlert(rise, 'low', memory, later, NOW), { send: true });
  });

  it('treats an assessment already handled, or older than the last handled, as done', () => {
    const memory: AlertMemory = {
      lastHandledAssessmentId: 'a-1',
      lastHandledAsOf: NOW - HOUR,
      lastDelivered: null,
    };
    assert.deepEqual(decideAlert(assessment(), 'low', memory, RULES, NOW), {
      send: false,
      because: 'already-handled',
    });
    const older = assessment({ assessmentId: 'a-older', asOf: NOW - 2 * HOUR });
    assert.equal(decideAlert(older, 'low', memory, RULES, NOW).send, false);
  });

  it('needs no evidence when the minimum is 0', () => {
    const bare = assessment({ reasons: [] });
    assert.deepEqual(
      decideAlert(bare, 'low', undefined, { ...RULES, minEvidenceReasons: 0 }, NOW),
      { send: true },
    );
  });
});
