export { bootstrapRiskEngine, type RiskEngineOptions } from './risk-engine.bootstrap';
export { AppModule as RiskEngineAppModule } from './app.module';
export { ENGINE_TOPICS, type EngineTopics } from './kafka/engine-topics';
