/**
 * Whether an assessment raises an alert for one subscription: only a rise in level, at or above
 * the subscription's minimum, with enough evidence, fresh, and outside the cooldown since the
 * last alert this subscription got for the learner and course. Pure: the memory and the clock
 * are passed in.
 */
import { type RiskAssessment, type RiskLevel, RISK_LEVELS } from '@learnpulse/events';

export interface AlertRules {
  cooldownMs: number;
  minEvidenceReasons: number;
  maxAgeMs: number;
}

/** What the dispatcher remembers per subscription, learner and course (alert-memory.ts). */
export interface AlertMemory {
  /** The newest assessment handled (delivered, dead-lettered or suppressed is not recorded). */
  lastHandledAssessmentId: string;
  lastHandledAsOf: number;
  /** The last alert that reached the subscriber, which starts the cooldown. */
  lastDelivered: { assessmentId: string; level: RiskLevel; asOf: number } | null;
}

export type AlertDecision =
  | { send: true }
  | {
      send: false;
      because:
        | 'not-a-rise'
        | 'below-min-level'
        | 'little-evidence'
        | 'stale'
        | 'already-handled'
        | 'cooldown';
    };

export const rankOf = (level: RiskLevel): number => RISK_LEVELS.indexOf(level);

/** A first assessment (no previous level) counts as a rise from low. */
export function isRise(assessment: Pick<RiskAssessment, 'level' | 'previousLevel'>): boolean {
  return rankOf(assessment.level) > rankOf(assessment.previousLevel ?? 'low');
}

export function reasonsWithEvidence(assessment: Pick<RiskAssessment, 'reasons'>): number {
  return assessment.reasons.filter((reason) => Object.keys(reason.evidence).length > 0).length;
}

export function decideAlert(
  assessment: RiskAssessment,
  minLevel: RiskLevel,
  memory: AlertMemory | undefined,
  rules: AlertRules,
  now: number,
): AlertDecision {
  if (
    memory !== undefined &&
    (memory.lastHandledAssessmentId === assessment.assessmentId ||
      assessment.asOf <= memory.lastHandledAsOf)
  ) {
    return { send: false, because: 'already-handled' };
  }
  if (!isRise(assessment)) return { send: false, because: 'not-a-rise' };
  if (rankOf(assessment.level) < rankOf(minLevel))
    return { send: false, because: 'below-min-level' };
  if (reasonsWithEvidence(assessment) < rules.minEvidenceReasons) {
    return { send: false, because: 'little-evidence' };
  }
  if (now - assessment.asOf > rules.maxAgeMs) return { send: false, because: 'stale' };
  const last = memory?.lastDelivered;
  if (last != null && assessment.asOf - last.asOf < rules.cooldownMs) {
    return { send: false, because: 'cooldown' };
  }
  return { send: true };
}
