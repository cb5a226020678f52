/** Injection tokens of the gateway's Kafka client and producer. */
export const KAFKA = Symbol('xapi-gateway.kafka');
export const PRODUCER = Symbol('xapi-gateway.producer');
