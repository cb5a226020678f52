/**
 * The gateway's counters: events by tenant, source and outcome; edX events of unknown names
 * (by tenant only: event names are free-form and would explode the label set); derived xAPI
 * statements by outcome.
 */
import { METRICS } from '@learnpulse/observability';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';

export type EventSource = 'edx' | 'caliper';
export type EventOutcome = 'accepted' | 'rejected' | 'unavailable';
export type StatementOutcome = 'accepted' | 'invalid';

@Injectable()
export class ClickstreamMetrics {
  private readonly events: Counter<'tenant' | 'source' | 'outcome'>;
  private readonly unknown: Counter<'tenant'>;
  private readonly statements: Counter<'tenant' | 'outcome'>;

  constructor(@Inject(METRICS) registry: Registry) {
    this.events = new Counter({
      name: 'learnpulse_clickstream_events_total',
      help: 'Clickstream events received, by tenant, source (edx, caliper) and outcome (accepted, rejected, unavailable).',
      labelNames: ['tenant', 'source', 'outcome'] as const,
      registers: [registry],
    });
    this.unknown = new Counter({
      name: 'learnpulse_clickstream_unknown_events_total',
      help: 'Accepted edX events whose name no mapping rule knows (kept with action other), by tenant.',
      labelNames: ['tenant'] as const,
      registers: [registry],
    });
    this.statements = new Counter({
      name: 'learnpulse_clickstream_statements_total',
      help: 'xAPI statements derived from edX events, by tenant and outcome (accepted, invalid: not valid xAPI, left out).',
      labelNames: ['tenant', 'outcome'] as const,
      registers: [registry],
    });
  }

  countEvents(tenant: string, source: EventSource, outcome: EventOutcome, count: number): void {
    if (count > 0) this.events.inc({ tenant, source, outcome }, count);
  }

  countUnknown(tenant: string, count: number): void {
    if (count > 0) this.unknown.inc({ tenant }, count);
  }

  countStatements(tenant: string, outcome: StatementOutcome, count: number): void {
    if (count > 0) this.statements.inc({ tenant, outcome }, count);
  }
}
