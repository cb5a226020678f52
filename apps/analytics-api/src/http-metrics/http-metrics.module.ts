import { Global, Module } from '@nestjs/common';
import { AnalyticsMetrics } from './analytics-metrics';

@Global()
@Module({
  providers: [AnalyticsMetrics],
  exports: [AnalyticsMetrics],
})
export class HttpMetricsModule {}
