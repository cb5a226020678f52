/**
 * `learnpulse risk evaluate`: replays an OULAD folder with only the events before each course's
 * cutoff, scores every eligible enrolment as of the cutoff, measures the ranking against the
 * final results, and writes predictions.csv for ../shared/tools/oulad_auc.py.
 */
import { type RiskModel } from '@learnpulse/risk';
import { writeFile } from 'node:fs/promises';
import { loadOuladDataset, parseCutoff } from './oulad-dataset';
import { loadOuladLabels } from './oulad-labels';
import { enrolmentKey, replayOulad } from './oulad-replay';
import { courseCutoffs, type ScoredEnrolment, scoreAtCutoff } from './oulad-scoring';
import { type RankingMetrics, rankingMetrics } from './ranking-metrics';

export interface EvaluationOptions {
  folder: string;
  /** `14` (a day) or `25%` (of each course's length). */
  cutoff: string;
  /** Where predictions.csv goes; none when null. */
  predictionsFile: string | null;
  model?: RiskModel;
  useCalendar?: boolean;
}

export interface PresentationResult {
  codeModule: string;
  codePresentation: string;
  day: number;
  metrics: RankingMetrics;
}

export interface EvaluationReport {
  modelVersion: string;
  presentations: PresentationResult[];
  overall: RankingMetrics;
  scored: ScoredEnrolment[];
  /** Scored enrolments without a Pass/Distinction/Fail/Withdrawn result (not measured). */
  unlabelled: number;
  applied: number;
  rejected: number;
}

export const PREDICTIONS_HEADER = 'code_module,code_presentation,id_student,score';

export function predictionsCsv(scored: readonly ScoredEnrolment[]): string {
  const lines = scored.map(({ enrolment, risk }) =>
    [
      enrolment.codeModule,
      enrolment.codePresentation,
      enrolment.idStudent,
      String(risk.score),
    ].join(','),
  );
  return [PREDICTIONS_HEADER, ...lines].join('\n') + '\n';
}

export async function evaluateOulad(options: EvaluationOptions): Promise<EvaluationReport> {
  const spec = parseCutoff(options.cutoff);
  const dataset = await loadOuladDataset(options.folder);
  const before = new Map(courseCutoffs(dataset, spec).map((c) => [c.course.courseId, c.asOf]));
  // Only events before the cutoff enter the states: the replay cannot see the future at all.
  const replay = await replayOulad(dataset, {
    before: (courseId) => before.get(courseId) ?? Number.NEGATIVE_INFINITY,
  });
  const scored = scoreAtCutoff(dataset, replay.states, spec, {
    ...(options.model === undefined ? {} : { model: options.model }),
    useCalendar: options.useCalendar ?? true,
  });
  const labels = await loadOuladLabels(options.folder, (module, presentation) => {
    const course = [...dataset.courses.values()].find(
      (item) => item.codeModule === module && item.codePresentation === presentation,
    );
    return course?.courseId ?? `${module}-${presentation}`;
  });
  const byCourse = new Map<string, { scores: number[]; labels: number[]; day: number }>();
  const all = { scores: [] as number[], labels: [] as number[] };
  let unlabelled = 0;
  for (const { enrolment, cutoff, risk } of scored) {
    const label = labels.get(enrolmentKey(enrolment.courseId, enrolment.idStudent));
    if (label === undefined) {
      unlabelled += 1;
      continue;
    }
    let entry = byCourse.get(enrolment.courseId);
    if (entry === undefined) {
      entry = { scores: [], labels: [], day: cutoff.day };
      byCourse.set(enrolment.courseId, entry);
    }
    entry.scores.push(risk.score);
    entry.labels.push(label);
    all.scores.push(risk.score);
    all.labels.push(label);
  }
  const presentations = [...dataset.courses.values()]
    .sort((a, b) =>
      `${a.codeModule} ${a.codePresentation}`.localeCompare(
        `${b.codeModule} ${b.codePresentation}`,
      ),
    )
    .flatMap((course) => {
      const entry = byCourse.get(course.courseId);
      if (entry === undefined) return [];
      return [
        {
          codeModule: course.codeModule,
          codePresentation: course.codePresentation,
          day: entry.day,
          metrics: rankingMetrics(entry.scores, entry.labels),
        },
      ];
    });
  if (options.predictionsFile !== null) {
    await writeFile(options.predictionsFile, predictionsCsv(scored), 'utf8');
  }
  return {
    modelVersion: scored[0]?.risk.modelVersion ?? options.model?.version ?? 'none',
    presentations,
    overall: rankingMetrics(all.scores, all.labels),
    scored,
    unlabelled,
    applied: replay.applied,
    rejected: replay.rejected,
  };
}

function figure(value: number | null): string {
  return value === null ? 'nan' : value.toFixed(3);
}

/** The report as printed: one line per presentation, ALL pooled, and `AUC=` last (as oulad_auc.py). */
export function formatEvaluation(report: EvaluationReport): string {
  const header = `${'presentation'.padEnd(13)} ${'D'.padStart(4)} ${'n'.padStart(6)} ${'at_risk'.padStart(8)} ${'AUC'.padStart(6)} ${'P@10%'.padStart(6)} ${'R@20%'.padStart(6)}`;
  const line = (name: string, day: string, m: RankingMetrics) =>
    `${name.padEnd(13)} ${day.padStart(4)} ${String(m.n).padStart(6)} ${String(m.positives).padStart(8)} ` +
    `${figure(m.auc).padStart(6)} ${figure(m.precisionTop10).padStart(6)} ${figure(m.recallTop20).padStart(6)}`;
  return [
    `model ${report.modelVersion}; events applied ${report.applied}; rows rejected ${report.rejected}`,
    header,
    '-'.repeat(header.length),
    ...report.presentations.map((p) =>
      line(`${p.codeModule} ${p.codePresentation}`, String(p.day), p.metrics),
    ),
    line('ALL', '', report.overall),
    `AUC=${figure(report.overall.auc)}`,
  ].join('\n');
}
