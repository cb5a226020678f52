/**
 * Schema evolution rule of every learnpulse topic: BACKWARD compatibility, i.e. consumers on
 * the newer schema can read everything written with the older one (new fields have defaults,
 * enums keep their symbols or fall back to their default). avsc's resolver builder applies
 * exactly the Avro resolution rules and throws where they fail.
 */
import { type Schema, Type } from 'avsc';
import { SchemaCompatibilityError } from './schema-errors';

function toType(schema: Schema): Type {
  return Type.isType(schema) ? (schema as Type) : Type.forSchema(schema);
}

/** Throws SchemaCompatibilityError when a reader on `newer` cannot read data written with `older`. */
export function assertBackwardCompatible(older: Schema, newer: Schema): void {
  const writer = toType(older);
  const reader = toType(newer);
  try {
    reader.createResolver(writer);
  } catch (error) {
    throw new SchemaCompatibilityError(
      `newer schema cannot read data written with the older one: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
