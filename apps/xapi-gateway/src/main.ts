/** Process entry: configuration, bootstrap, and a graceful stop on SIGINT/SIGTERM. */
import { runService } from '@learnpulse/observability';
import { bootstrapXapiGateway } from './bootstrap';

runService('xapi-gateway', bootstrapXapiGateway);
