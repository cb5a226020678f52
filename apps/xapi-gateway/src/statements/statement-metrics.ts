/** learnpulse_gateway_statements_total{tenant,outcome}: statements accepted, rejected or not stored. */
import { Inject, Injectable } from '@nestjs/common';
import { METRICS } from '@learnpulse/observability';
import { Counter, type Registry } from 'prom-client';

export type StatementOutcome = 'accepted' | 'rejected' | 'unavailable';

@Injectable()
export class StatementMetrics {
  private readonly statements: Counter<'tenant' | 'outcome'>;

  constructor(@Inject(METRICS) registry: Registry) {
    this.statements = new Counter({
      name: 'learnpulse_gateway_statements_total',
      help: 'xAPI statements received by the gateway, by tenant and outcome (accepted, rejected, unavailable).',
      labelNames: ['tenant', 'outcome'] as const,
      registers: [registry],
    });
  }

  count(tenant: string, outcome: StatementOutcome, statements: number): void {
    this.statements.inc({ tenant, outcome }, statements);
  }
}
