/**
 * Turns an Avro schema (parsed .avsc JSON) into TypeScript declarations, so the types the
 * code sees are derived from the schema instead of written a second time. Enums also get a
 * const array of their symbols. Output is unformatted; the generator runs Prettier on it.
 */

type AvroSchemaJson = string | AvroSchemaJson[] | { readonly [key: string]: unknown };

const PRIMITIVES: Readonly<Record<string, string>> = {
  null: 'null',
  boolean: 'boolean',
  int: 'number',
  long: 'number',
  float: 'number',
  double: 'number',
  bytes: 'Buffer',
  string: 'string',
};

/** LearningAction → LEARNING_ACTIONS */
export function symbolsConstName(enumName: string): string {
  return `${enumName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}S`;
}

function unqualified(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function jsDoc(doc: unknown): string {
  return typeof doc === 'string' ? `/** ${doc.replaceAll('*/', '*\\/')} */\n` : '';
}

function stringField(schema: Readonly<Record<string, unknown>>, key: string): string {
  const value = schema[key];
  if (typeof value !== 'string') {
    throw new Error(`Avro schema ${JSON.stringify(schema)} has no string "${key}"`);
  }
  return value;
}

/** Declarations (interfaces, enum consts and types) for a schema and all named types in it. */
export function avroToTypeScript(schema: unknown): string {
  const declarations: string[] = [];
  const named = new Set<string>();

  function typeOf(node: AvroSchemaJson): string {
    if (typeof node === 'string') {
      const primitive = PRIMITIVES[node];
      if (primitive !== undefined) return primitive;
      const name = unqualified(node);
      if (!named.has(name)) throw new Error(`Avro schema refers to undefined type ${node}`);
      return name;
    }
    if (Array.isArray(node)) {
      // null last reads better (`string | null`) and keeps the Avro order otherwise.
      const branches = node.map((branch) => typeOf(branch));
      return [
        ...branches.filter((b) => b !== 'null'),
        ...branches.filter((b) => b === 'null'),
      ].join(' | ');
    }
    const kind = node.type;
    switch (kind) {
      case 'record':
      case 'error':
        return declareRecord(node);
      case 'enum':
        return declareEnum(node);
      case 'array': {
        const items = typeOf(node.items as AvroSchemaJson);
        return items.includes('|') ? `(${items})[]` : `${items}[]`;
      }
      case 'map':
        return `Record<string, ${typeOf(node.values as AvroSchemaJson)}>`;
      case 'fixed':
        return 'Buffer';
      default:
        // A primitive written as an object, possibly with a logicalType. Logical types are
        // not registered with avsc, so values keep the underlying type (e.g. epoch ms).
        if (typeof kind === 'string' && PRIMITIVES[kind] !== undefined) return PRIMITIVES[kind];
        throw new Error(`unsupported Avro schema ${JSON.stringify(node)}`);
    }
  }

  function declareRecord(node: Readonly<Record<string, unknown>>): string {
    const name = unqualified(stringField(node, 'name'));
    named.add(name);
    if (!Array.isArray(node.fields)) throw new Error(`record ${name} has no fields`);
    const members = (node.fields as Readonly<Record<string, unknown>>[]).map((field) => {
      const fieldName = stringField(field, 'name');
      return `${jsDoc(field.doc)}${fieldName}: ${typeOf(field.type as AvroSchemaJson)};\n`;
    });
    declarations.push(`${jsDoc(node.doc)}export interface ${name} {\n${members.join('')}}\n`);
    return name;
  }

  function declareEnum(node: Readonly<Record<string, unknown>>): string {
    const name = unqualified(stringField(node, 'name'));
    named.add(name);
    const symbols = node.symbols;
    if (!Array.isArray(symbols) || !symbols.every((s) => typeof s === 'string')) {
      throw new Error(`enum ${name} has no string symbols`);
    }
    const constName = symbolsConstName(name);
    declarations.push(
      `/** Every symbol of ${name}, in schema order. */\n` +
        `export const ${constName} = ${JSON.stringify(symbols)} as const;\n` +
        `${jsDoc(node.doc)}export type ${name} = (typeof ${constName})[number];\n`,
    );
    return name;
  }

  typeOf(schema as AvroSchemaJson);
  return declarations.join('\n');
}
