/**
 * Scoring one learner-course as of a moment: detectors' features → model → score, level and
 * reasons. The same function serves the live engine (asOf = now or the daily tick) and the
 * offline evaluation (asOf = the cutoff).
 */
import {
  deriveEventId,
  LEARNPULSE_EVENT_ID_NAMESPACE,
  type RiskAssessment,
  type RiskLevel,
  type RiskReason,
} from '@learnpulse/events';
import { RISK_DETECTORS } from './detectors';
import { type DetectorContext, type RiskDetector } from './detectors/risk-detector.types';
import { learnerMetrics } from './learner-metrics';
import { currentRiskModel } from './model/current-model';
import { type CohortView } from './cohort-view.types';
import { type LearnerCourseState } from './learner-state.types';
import { type ModelPhase, type ModelSegment, type RiskModel } from './model/risk-model.types';
import { type RiskScore } from './risk-score.types';

const DEFAULT_MAX_REASONS = 3;
/** Reason weight of an unenrolment: it decides the score alone. */
const UNENROLLED_WEIGHT = 10;

export interface AssessOptions {
  /** Default: RISK_MODEL, the shipped model. */
  model?: RiskModel;
  /** Most reasons to return (default 3). */
  maxReasons?: number;
}

/** Every detector's features of `state` as of `asOf` against `cohort`, by feature name. */
export function extractFeatures(
  state: LearnerCourseState,
  asOf: number,
  cohort: CohortView,
): Record<string, number> {
  return detectorFeatures(contextOf(state, asOf, cohort)).features;
}

function contextOf(state: LearnerCourseState, asOf: number, cohort: CohortView): DetectorContext {
  const metrics = learnerMetrics(state, asOf, cohort.assessments, cohort.courseStartAt);
  return { state, asOf, metrics, cohort };
}

function detectorFeatures(ctx: DetectorContext) {
  const features: Record<string, number> = {};
  const byDetector = new Map<RiskDetector, Record<string, number>>();
  for (const detector of RISK_DETECTORS) {
    const own = detector.features(ctx);
    byDetector.set(detector, own);
    for (const name of detector.featureNames) {
      const value = own[name];
      if (value === undefined || !Number.isFinite(value)) {
        throw new Error(`detector ${detector.id} gave no finite value for ${name}`);
      }
      features[name] = value;
    }
  }
  return { features, byDetector };
}

/** The course phase as of asOf: whether any assessment of the cohort's list was due before it. */
export function modelPhase(cohort: CohortView, asOf: number): ModelPhase {
  return cohort.assessments.some((item) => item.dueAt !== null && item.dueAt < asOf)
    ? 'after-first-due'
    : 'before-first-due';
}

function segmentFor(model: RiskModel, phase: ModelPhase): ModelSegment {
  const segment = model.segments.find((item) => item.phase === phase);
  if (segment === undefined) throw new Error(`model ${model.version} has no ${phase} segment`);
  return segment;
}

function levelOf(model: RiskModel, score: number): RiskLevel {
  if (score >= model.cutoffs.high) return 'high';
  return score >= model.cutoffs.medium ? 'medium' : 'low';
}

/**
 * The risk of `state`'s learner in its course as of `asOf`. Only events that occurred before
 * asOf count (activity at day resolution: days before asOf's day). `cohort` should be built at
 * (or shortly before) asOf from the course's states; a learner unenrolled before asOf gets
 * score 1 with the withdrawal reason first.
 */
export function assessRisk(
  state: LearnerCourseState,
  asOf: number,
  cohort: CohortView,
  options: AssessOptions = {},
): RiskScore {
  const model = options.model ?? currentRiskModel();
  const maxReasons = options.maxReasons ?? DEFAULT_MAX_REASONS;
  const ctx = contextOf(state, asOf, cohort);
  const { features, byDetector } = detectorFeatures(ctx);
  const segment = segmentFor(model, modelPhase(cohort, asOf));
  const contribution = new Map<string, number>();
  let logit = segment.intercept;
  segment.features.forEach((name, index) => {
    const value = features[name];
    if (value === undefined)
      throw new Error(`model ${model.version} needs unknown feature ${name}`);
    const term =
      ((segment.weights[index] ?? 0) * (value - (segment.center[index] ?? 0))) /
      (segment.scale[index] ?? 1);
    logit += term;
    const detector = name.slice(0, name.indexOf('.'));
    contribution.set(detector, (contribution.get(detector) ?? 0) + term);
  });
  const unenrolled = ctx.metrics.unenrolled;
  const score = unenrolled ? 1 : 1 / (1 + Math.exp(-logit));
  const reasons: RiskReason[] = [];
  for (const [detector, own] of byDetector) {
    const weight = contribution.get(detector.id) ?? 0;
    const forced = unenrolled && detector.id === 'withdrawal';
    if (weight <= 0 && !forced) continue;
    const draft = detector.explain(ctx, own);
    if (draft === null) continue;
    reasons.push({
      detector: detector.id,
      text: draft.text,
      weight: forced ? Math.max(weight, UNENROLLED_WEIGHT) : Math.round(weight * 1000) / 1000,
      evidence: draft.evidence,
    });
  }
  reasons.sort((a, b) => b.weight - a.weight || a.detector.localeCompare(b.detector));
  return {
    tenant: state.tenant,
    learnerId: state.learnerId,
    courseId: state.courseId,
    score,
    level: levelOf(model, score),
    reasons: reasons.slice(0, maxReasons),
    modelVersion: model.version,
    asOf,
    lastActivityAt: ctx.metrics.lastActivityAt,
    features,
  };
}

/** The learner.risk.v1 value of a score (assessmentId: UUIDv5 of tenant, learner, course, model version, asOf). */
export function toRiskAssessment(
  score: RiskScore,
  previousLevel: RiskLevel | null,
): RiskAssessment {
  return {
    assessmentId: deriveEventId(LEARNPULSE_EVENT_ID_NAMESPACE, [
      'risk-assessment',
      score.tenant,
      score.learnerId,
      score.courseId,
      score.modelVersion,
      String(score.asOf),
    ]),
    tenant: score.tenant,
    learnerId: score.learnerId,
    courseId: score.courseId,
    score: score.score,
    level: score.level,
    previousLevel,
    reasons: score.reasons,
    modelVersion: score.modelVersion,
    asOf: score.asOf,
    lastActivityAt: score.lastActivityAt,
  };
}

/**
 * Whether `next` is worth publishing after `previous` (the last published, or null): a change
 * of level, or a score move of at least `minScoreMove` (default 0.05).
 */
export function isMaterialChange(
  previous: Pick<RiskScore, 'score' | 'level'> | null,
  next: Pick<RiskScore, 'score' | 'level'>,
  minScoreMove = 0.05,
): boolean {
  if (previous === null) return true;
  // A hair of tolerance: 0.15 − 0.1 is 0.04999… in floating point.
  return (
    previous.level !== next.level || Math.abs(next.score - previous.score) >= minScoreMove - 1e-9
  );
}
