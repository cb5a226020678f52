/** The dispatcher's Prometheus metrics (`learnpulse_alerts_*`), on the app's own registry. */
import { Counter, Histogram, type Registry } from 'prom-client';

export class DispatcherMetrics {
  readonly assessments: Counter<'result'>;
  readonly suppressed: Counter<'reason'>;
  readonly alerts: Counter<'outcome'>;
  readonly attempts: Counter<'result'>;
  readonly deliverySeconds: Histogram;

  constructor(registry: Registry) {
    const registers = [registry];
    this.assessments = new Counter({
      name: 'learnpulse_alerts_assessments_total',
      help: 'Records read from learner.risk.v1, by result (decoded, undecodable)',
      labelNames: ['result'],
      registers,
    });
    this.suppressed = new Counter({
      name: 'learnpulse_alerts_suppressed_total',
      help: 'Assessment × subscription pairs that raised no alert, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.alerts = new Counter({
      name: 'learnpulse_alerts_total',
      help: 'Alerts handled, by outcome (delivered, dead_lettered)',
      labelNames: ['outcome'],
      registers,
    });
    this.attempts = new Counter({
      name: 'learnpulse_alerts_webhook_attempts_total',
      help: 'Webhook POSTs, by result (ok, retryable, refused)',
      labelNames: ['result'],
      registers,
    });
    this.deliverySeconds = new Histogram({
      name: 'learnpulse_alerts_delivery_seconds',
      help: 'Time from the first attempt to the outcome of one alert, retries included',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
  }
}
