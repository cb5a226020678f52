/** Process entry: configuration, bootstrap, and a graceful stop on SIGINT/SIGTERM. */
import { runService } from '@learnpulse/observability';
import { bootstrapAlertDispatcher } from './alert-dispatcher.bootstrap';

runService('alert-dispatcher', bootstrapAlertDispatcher);
