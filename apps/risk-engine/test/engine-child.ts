/** The engine as its own process for the fault spec, on the topics the spec passes in. */
import { runService } from '@learnpulse/observability';
import { bootstrapRiskEngine, type EngineTopics } from '../src';

const topics = JSON.parse(process.env.RISK_ENGINE_TEST_TOPICS ?? '{}') as Partial<EngineTopics>;
runService('risk-engine', (env) => bootstrapRiskEngine(env, { topics }));
