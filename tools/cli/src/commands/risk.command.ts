/**
 * `learnpulse risk evaluate --data <oulad folder> (--cutoff-day D | --cutoff P%)`: replays the
 * OULAD folder through the importer's mappers and @learnpulse/risk (the live engine's code),
 * scores each registered learner as of the cutoff with only earlier events, prints AUC,
 * precision of the top 10% and recall of the top 20% per module-presentation and pooled, and
 * writes predictions.csv (code_module,code_presentation,id_student,score).
 */
import { evaluateOulad, formatEvaluation } from '@learnpulse/risk-lab';

/** A usage mistake (missing or conflicting options) exits 2. */
export const RISK_EXIT_USAGE = 2;

export interface RiskEvaluateOptions {
  data?: string;
  cutoffDay?: string;
  cutoff?: string;
  out: string;
  inferDeadlines?: boolean;
}

export class RiskUsageError extends Error {}

/** The cutoff the options name: exactly one of --cutoff-day D and --cutoff P%. */
export function cutoffOption(options: RiskEvaluateOptions): string {
  if (options.cutoffDay !== undefined && options.cutoff !== undefined) {
    throw new RiskUsageError('give either --cutoff-day D or --cutoff P%, not both');
  }
  if (options.cutoffDay !== undefined) {
    if (!/^-?\d+$/.test(options.cutoffDay)) {
      throw new RiskUsageError('--cutoff-day must be a whole number of days');
    }
    return options.cutoffDay;
  }
  if (options.cutoff !== undefined) {
    if (!/^\d+(\.\d+)?%$/.test(options.cutoff) && !/^-?\d+$/.test(options.cutoff)) {
      throw new RiskUsageError('--cutoff must be a percentage of the course length (25%) or a day');
    }
    return options.cutoff;
  }
  throw new RiskUsageError('risk evaluate needs --cutoff-day D or --cutoff P%');
}

export async function riskEvaluateCommand(options: RiskEvaluateOptions): Promise<void> {
  let cutoff: string;
  try {
    if (options.data === undefined) throw new RiskUsageError('risk evaluate needs --data <folder>');
    cutoff = cutoffOption(options);
  } catch (error) {
    if (!(error instanceof RiskUsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = RISK_EXIT_USAGE;
    return;
  }
  const report = await evaluateOulad({
    folder: options.data,
    cutoff,
    predictionsFile: options.out,
    useCalendar: options.inferDeadlines !== true,
  });
  process.stdout.write(`${formatEvaluation(report)}\n`);
  process.stderr.write(`wrote ${report.scored.length} predictions to ${options.out}\n`);
}
