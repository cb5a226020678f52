/** Process entry: configuration, bootstrap, and a graceful stop on SIGINT/SIGTERM. */
import { runService } from '@learnpulse/observability';
import { bootstrapClickstreamGateway } from './bootstrap';

runService('clickstream-gateway', bootstrapClickstreamGateway);
