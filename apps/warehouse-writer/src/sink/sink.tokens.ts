/** Injection tokens of the sink module. */
export const KAFKA = Symbol('warehouse-writer.kafka');
export const SINK_ENV = Symbol('warehouse-writer.env');
