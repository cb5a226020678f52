/** Injection tokens of the gateway's Kafka client and producer. */
export const KAFKA = Symbol('clickstream-gateway.kafka');
export const PRODUCER = Symbol('clickstream-gateway.producer');
