/**
 * learnpulse_gateway_statements_total{tenant,outcome}: statements accepted, re-sent (duplicate,
 * nothing written), refused (rejected, conflict) or not stored (unavailable).
 */
import { Inject, Injectable } from '@nestjs/common';
import { METRICS } from '@learnpulse/observability';
import { Counter, type Registry } from 'prom-client';

export type StatementOutcome = 'accepted' | 'duplicate' | 'rejected' | 'conflict' | 'unavailable';

@Injectable()
export class StatementMetrics {
  private readonly statements: Counter<'tenant' | 'outcome'>;

  constructor(@Inject(METRICS) registry: Registry) {
    this.statements = new Counter({
      name: 'learnpulse_gateway_statements_total',
      help: 'xAPI statements received by the gateway, by tenant and outcome (accepted, duplicate, rejected, conflict, unavailable).',
      labelNames: ['tenant', 'outcome'] as const,
      registers: [registry],
    });
  }

  count(tenant: string, outcome: StatementOutcome, statements: number): void {
    this.statements.inc({ tenant, outcome }, statements);
  }
}
