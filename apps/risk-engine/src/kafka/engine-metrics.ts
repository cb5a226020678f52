/** The engine's Prometheus metrics (`learnpulse_risk_*`), on the app's own registry. */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export class EngineMetrics {
  readonly events: Counter<'outcome'>;
  readonly assessments: Counter<'level'>;
  readonly deadLetters: Counter;
  readonly learners: Gauge<'partition'>;
  readonly batchSeconds: Histogram;
  readonly restoreSeconds: Histogram;

  constructor(registry: Registry) {
    const registers = [registry];
    this.events = new Counter({
      name: 'learnpulse_risk_events_total',
      help: 'Input records, by outcome (applied, duplicate, ignored, already-in-state, dead_lettered)',
      labelNames: ['outcome'],
      registers,
    });
    this.assessments = new Counter({
      name: 'learnpulse_risk_assessments_total',
      help: 'RiskAssessments published to learner.risk.v1, by level',
      labelNames: ['level'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'learnpulse_risk_dlq_records_total',
      help: 'Input records sent to the dead-letter topic',
      registers,
    });
    this.learners = new Gauge({
      name: 'learnpulse_risk_learners',
      help: 'Learners held in memory, by partition',
      labelNames: ['partition'],
      registers,
    });
    this.batchSeconds = new Histogram({
      name: 'learnpulse_risk_batch_seconds',
      help: 'One fetched batch: scoring, snapshot and outputs acknowledged, offset committed',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.restoreSeconds = new Histogram({
      name: 'learnpulse_risk_restore_seconds',
      help: 'Restoring the assigned partitions from risk-engine.state.v1',
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
  }
}
