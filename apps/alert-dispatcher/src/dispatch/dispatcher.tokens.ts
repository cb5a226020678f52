/** Injection tokens of the dispatch module. */
export const KAFKA = Symbol('alert-dispatcher.kafka');
export const DISPATCHER_ENV = Symbol('alert-dispatcher.env');
export const DISPATCHER_TOPICS = Symbol('alert-dispatcher.topics');
