/** @learnpulse/risk-lab: offline OULAD replay, evaluation and training of the risk model. */
export {
  type EvaluationOptions,
  type EvaluationReport,
  evaluateOulad,
  formatEvaluation,
  PREDICTIONS_HEADER,
  predictionsCsv,
  type PresentationResult,
} from './evaluate-oulad';
export {
  cutoffDay,
  type CutoffSpec,
  isEligibleAt,
  loadOuladDataset,
  type OuladCourse,
  type OuladDataset,
  type OuladEnrolment,
  parseCutoff,
} from './oulad-dataset';
export { enrolmentKey, type OuladReplay, replayOulad, type ReplayOptions } from './oulad-replay';
export { courseCutoffs, cohortAt, scoreAtCutoff, type ScoredEnrolment } from './oulad-scoring';
export { type RankingMetrics, rankingMetrics, rocAuc, topKHits } from './ranking-metrics';
export { fitLogistic, predictLogistic } from './logistic-regression';
export { trainRiskModel, type TrainingResult } from './train-risk-model';
