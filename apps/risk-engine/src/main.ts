/** Process entry: configuration, bootstrap, and a graceful stop on SIGINT/SIGTERM. */
import { runService } from '@learnpulse/observability';
import { bootstrapRiskEngine } from './risk-engine.bootstrap';

runService('risk-engine', bootstrapRiskEngine);
