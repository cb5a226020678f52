/**
 * Offline training of the combined score: features of every eligible OULAD enrolment at several
 * cutoffs (the same detector code the engine runs), a logistic regression, held-out figures by
 * leave-one-presentation-out, and level cut-offs calibrated on the held-out predictions.
 */
import {
  FEATURE_NAMES,
  MODEL_PHASES,
  type ModelPhase,
  type ModelSegment,
  type RiskModel,
} from '@learnpulse/risk';
import { loadOuladDataset, type OuladDataset } from './oulad-dataset';
import { loadOuladLabels } from './oulad-labels';
import { enrolmentKey, replayOulad } from './oulad-replay';
import { type FeatureRow, featuresAtCutoff } from './oulad-scoring';
import { fitLogistic, type LogisticFit, predictLogistic } from './logistic-regression';
import { rankingMetrics } from './ranking-metrics';

/** Cutoff days the training pools (BBB 2013J's clicks stop at day 132). */
export const TRAINING_DAYS = [7, 14, 21, 28, 35, 42, 49, 56, 67, 77, 88, 100, 115, 130];
/** Held-out precision the levels' lower edges must reach. */
export const HIGH_PRECISION = 0.8;
export const MEDIUM_PRECISION = 0.6;

/**
 * Features of each phase. Before the first due date only activity tells learners apart, and on
 * this small slice more activity features than these transfer badly between presentations.
 */
export const PHASE_FEATURES: Readonly<Record<ModelPhase, readonly string[]>> = {
  'before-first-due': [
    'low-engagement.logActivity',
    'low-engagement.logActiveDays',
    'inactivity.logDays',
  ],
  'after-first-due': FEATURE_NAMES,
};

export interface TrainingOptions {
  folder: string;
  version: string;
  lambda: number;
  useCalendar?: boolean;
}

interface LabelledRow extends FeatureRow {
  label: 0 | 1;
  phase: ModelPhase;
  vector: number[];
}

export interface HeldOutFigure {
  courseId: string;
  day: number;
  auc: number | null;
}

export interface TrainingResult {
  model: RiskModel;
  heldOut: HeldOutFigure[];
  /** Held-out AUC pooled over both presentations at day 14 and at 25% (day 67). */
  pooled: { day14: number | null; percent25: number | null };
  levels: { level: string; share: number; atRiskRate: number }[];
}

async function labelledRows(dataset: OuladDataset, useCalendar: boolean): Promise<LabelledRow[]> {
  const replay = await replayOulad(dataset);
  const labels = await loadOuladLabels(
    dataset.folder,
    (module, presentation) => `${module}-${presentation}`,
  );
  const rows: LabelledRow[] = [];
  for (const day of TRAINING_DAYS) {
    for (const row of featuresAtCutoff(dataset, replay.states, { kind: 'day', day }, useCalendar)) {
      const label = labels.get(enrolmentKey(row.courseId, row.idStudent));
      if (label === undefined) continue;
      rows.push({
        ...row,
        label,
        phase: row.phase,
        vector: PHASE_FEATURES[row.phase].map((name) => row.features[name] ?? 0),
      });
    }
  }
  return rows;
}

type PhaseFits = Record<ModelPhase, LogisticFit>;

function fit(rows: readonly LabelledRow[], lambda: number): PhaseFits {
  const fits = {} as PhaseFits;
  for (const phase of MODEL_PHASES) {
    const own = rows.filter((row) => row.phase === phase);
    fits[phase] = fitLogistic(
      own.map((row) => row.vector),
      own.map((row) => row.label),
      { lambda },
    );
  }
  return fits;
}

function predict(fits: PhaseFits, row: LabelledRow): number {
  return predictLogistic(fits[row.phase], row.vector);
}

/** Smallest score whose "score ≥ it" group reaches the precision; 1 when none does. */
function cutoffFor(
  predictions: readonly { score: number; label: number }[],
  precision: number,
): number {
  const sorted = [...predictions].sort((a, b) => b.score - a.score);
  let hits = 0;
  let best = 1;
  sorted.forEach((item, index) => {
    hits += item.label;
    if (hits / (index + 1) >= precision && index >= 19) best = item.score;
  });
  return best;
}

export async function trainRiskModel(options: TrainingOptions): Promise<TrainingResult> {
  const dataset = await loadOuladDataset(options.folder);
  const rows = await labelledRows(dataset, options.useCalendar ?? true);
  const courses = [...dataset.courses.keys()];

  // Leave one presentation out: each presentation is scored by a model that never saw it.
  const heldOutPredictions: { courseId: string; day: number; score: number; label: number }[] = [];
  for (const courseId of courses) {
    const model = fit(
      rows.filter((row) => row.courseId !== courseId),
      options.lambda,
    );
    for (const row of rows.filter((item) => item.courseId === courseId)) {
      heldOutPredictions.push({
        courseId,
        day: row.day,
        score: predict(model, row),
        label: row.label,
      });
    }
  }
  const heldOut: HeldOutFigure[] = [];
  for (const courseId of courses) {
    for (const day of TRAINING_DAYS) {
      const group = heldOutPredictions.filter((p) => p.courseId === courseId && p.day === day);
      heldOut.push({
        courseId,
        day,
        auc: rankingMetrics(
          group.map((p) => p.score),
          group.map((p) => p.label),
        ).auc,
      });
    }
  }
  const pooledAt = (day: number) => {
    const group = heldOutPredictions.filter((p) => p.day === day);
    return rankingMetrics(
      group.map((p) => p.score),
      group.map((p) => p.label),
    ).auc;
  };
  const pooled = { day14: pooledAt(14), percent25: pooledAt(67) };

  const medium = cutoffFor(heldOutPredictions, MEDIUM_PRECISION);
  const high = Math.max(medium, cutoffFor(heldOutPredictions, HIGH_PRECISION));
  const levels = [
    { level: 'high', test: (s: number) => s >= high },
    { level: 'medium', test: (s: number) => s >= medium && s < high },
    { level: 'low', test: (s: number) => s < medium },
  ].map(({ level, test }) => {
    const group = heldOutPredictions.filter((p) => test(p.score));
    return {
      level,
      share: group.length / heldOutPredictions.length,
      atRiskRate:
        group.length === 0 ? 0 : group.reduce((sum, p) => sum + p.label, 0) / group.length,
    };
  });

  const final = fit(rows, options.lambda);
  const round = (value: number) => Number(value.toPrecision(8));
  const segments: ModelSegment[] = MODEL_PHASES.map((phase) => ({
    phase,
    features: [...PHASE_FEATURES[phase]],
    center: final[phase].center.map(round),
    scale: final[phase].scale.map(round),
    weights: final[phase].weights.map(round),
    intercept: round(final[phase].intercept),
  }));
  const model: RiskModel = {
    version: options.version,
    kind: 'logistic-regression',
    segments,
    cutoffs: { medium: round(medium), high: round(high) },
    provenance: {
      trainedOn: courses.join(' + '),
      trainingCutoffDays: TRAINING_DAYS.join(','),
      trainingRows: rows.length,
      lambda: options.lambda,
      deadlines: options.useCalendar === false ? 'inferred from the cohort' : 'assessments.csv',
      heldOut: 'leave one presentation out',
      heldOutPooledAucDay14: round(pooled.day14 ?? Number.NaN),
      heldOutPooledAuc25Percent: round(pooled.percent25 ?? Number.NaN),
      cutoffRule: `medium/high: lowest held-out score whose group at or above it is >= ${MEDIUM_PRECISION}/${HIGH_PRECISION} at risk`,
    },
  };
  return { model, heldOut, pooled, levels };
}
