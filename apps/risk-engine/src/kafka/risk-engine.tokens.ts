/** Injection tokens of the engine module. */
export const KAFKA = Symbol('risk-engine.kafka');
export const ENGINE_ENV = Symbol('risk-engine.env');
export const ENGINE_TOPICS_TOKEN = Symbol('risk-engine.topics');
