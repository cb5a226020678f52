/** One ClickstreamMetrics per app (its counters register once in the app's registry), for every route. */
import { Global, Module } from '@nestjs/common';
import { ClickstreamMetrics } from './clickstream-metrics';

@Global()
@Module({ providers: [ClickstreamMetrics], exports: [ClickstreamMetrics] })
export class ClickstreamMetricsModule {}
