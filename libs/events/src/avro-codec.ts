/**
 * Avro value codec for one subject in the Confluent wire format. Writes with the newest
 * schema of the subject; reads a record written with any catalogued version by resolving
 * its writer schema into the newest one, so consumers see a single shape.
 */
import { type Resolver, Type, types } from 'avsc';
import { type SchemaCatalogue } from './schema-catalogue';
import { type SchemaIssue, SchemaDecodeError, SchemaEncodeError } from './schema-errors';
import { encodeWireFormat, unframeWireFormat } from './wire-format';

export interface AvroCodec<T> {
  readonly subject: string;
  /** Schema id written by encode (the newest version of the subject). */
  readonly schemaId: number;
  /** Validates and encodes; throws SchemaEncodeError naming the first bad field. */
  encode(value: T): Buffer;
  /** Decodes a framed record; throws SchemaDecodeError on anything unreadable. */
  decode(buf: Buffer): T;
}

export function createAvroCodec<T>(catalogue: SchemaCatalogue, subject: string): AvroCodec<T> {
  const latest = catalogue.latest(subject);
  const readerType = Type.forSchema(latest.schema);
  // Parsing a schema and building a resolver are costly; both happen once per schema id.
  const resolvers = new Map<number, Resolver>();

  function resolverFor(schemaId: number): Resolver {
    const cached = resolvers.get(schemaId);
    if (cached !== undefined) return cached;
    const entry = catalogue.byId(schemaId);
    if (entry === undefined) {
      throw new SchemaDecodeError(`unknown schema id ${schemaId} for ${subject}`);
    }
    if (entry.subject !== subject) {
      throw new SchemaDecodeError(
        `schema id ${schemaId} belongs to subject ${entry.subject}, not ${subject}`,
      );
    }
    let resolver: Resolver;
    try {
      resolver = readerType.createResolver(Type.forSchema(entry.schema));
    } catch (error) {
      throw new SchemaDecodeError(
        `schema id ${schemaId} (${subject} version ${entry.version}) cannot be read as version ${latest.version}: ${errorMessage(error)}`,
        { cause: error },
      );
    }
    resolvers.set(schemaId, resolver);
    return resolver;
  }

  return {
    subject,
    schemaId: latest.id,
    encode(value) {
      const issues = validate(readerType, value);
      const [first, ...rest] = issues;
      if (first !== undefined) {
        throw new SchemaEncodeError(subject, [first, ...rest]);
      }
      return encodeWireFormat(latest.id, (buf, pos) => readerType.encode(value, buf, pos));
    },
    decode(buf) {
      const { schemaId, body } = unframeWireFormat(buf);
      const resolver = resolverFor(schemaId);
      let value: unknown;
      try {
        value = readerType.fromBuffer(body, resolver);
      } catch (error) {
        throw new SchemaDecodeError(
          `cannot read the Avro body of a ${subject} record with schema id ${schemaId}: ${errorMessage(error)}`,
          { cause: error },
        );
      }
      return toPlainValue(value) as T;
    },
  };
}

/** Every rule the value breaks, each with the dotted path of its field. */
export function validate(type: Type, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  type.isValid(value, {
    noUndeclaredFields: true,
    errorHook(path, fieldValue: unknown, fieldType) {
      const field = path.join('.');
      // A record-level report means its fields were fine but it has undeclared ones.
      const undeclared =
        fieldType instanceof types.RecordType && isObject(fieldValue)
          ? Object.keys(fieldValue).filter((key) => !fieldType.fields.some((f) => f.name === key))
          : [];
      if (undeclared.length > 0) {
        for (const key of undeclared) {
          issues.push({
            field: field === '' ? key : `${field}.${key}`,
            message: 'is not a field of the schema',
          });
        }
        return;
      }
      issues.push({
        field,
        message: `expected ${describeType(fieldType)}, got ${describeValue(fieldValue)}`,
      });
    },
  });
  return issues;
}

function describeType(type: Type): string {
  if (type instanceof types.EnumType) return `one of ${type.symbols.join(', ')}`;
  if (type instanceof types.UnwrappedUnionType || type instanceof types.WrappedUnionType) {
    return type.types.map(describeType).join(' or ');
  }
  if (type instanceof types.RecordType)
    return `a ${type.name?.split('.').pop() ?? 'nested'} record`;
  if (type instanceof types.LongType || type instanceof types.IntType) {
    return `an integer (Avro ${type.typeName})`;
  }
  return type.typeName;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * avsc returns records as instances of generated classes; consumers get plain objects so
 * they compare, spread and serialise like the values producers wrote.
 */
function toPlainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (!isObject(value) || Buffer.isBuffer(value)) return value;
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    plain[key] = toPlainValue(value[key]);
  }
  return plain;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
