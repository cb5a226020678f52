/**
 * Python's `json.dumps` text (separators ', ' and ': ', optional ASCII escaping), because
 * event-routing-backends hashes that text into statement ids and writes it into responses.
 */
import { type JsonValue } from '../edx-event.types';

/** Any character Python's ensure_ascii escapes (JSON.stringify leaves them as they are). */
const NON_ASCII = /[\u0080-\uffff]/;

function pythonString(value: string, ensureAscii: boolean): string {
  const escaped = JSON.stringify(value);
  // Most strings are ASCII: a test is cheaper than a global replace with a callback.
  if (!ensureAscii || !NON_ASCII.test(escaped)) return escaped;
  // JSON.stringify leaves non-ASCII as is; Python escapes each UTF-16 unit as \uXXXX.
  return escaped.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function pythonNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : JSON.stringify(value);
}

export function pythonJsonDumps(value: JsonValue, ensureAscii = true): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'string') return pythonString(value, ensureAscii);
  if (Array.isArray(value))
    return `[${value.map((v) => pythonJsonDumps(v, ensureAscii)).join(', ')}]`;
  const members = Object.entries(value).map(
    ([key, inner]) => `${pythonString(key, ensureAscii)}: ${pythonJsonDumps(inner, ensureAscii)}`,
  );
  return `{${members.join(', ')}}`;
}

/**
 * Python's `str()` of a parsed JSON value (`{'a': ['b', 1], 'c': None}`): what tincan writes
 * when a problem response is a dict instead of text.
 */
export function pythonRepr(value: JsonValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : JSON.stringify(value);
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const body = value
      .replaceAll('\\', '\\\\')
      .replaceAll('\n', '\\n')
      .replaceAll(quote, `\\${quote}`);
    return `${quote}${body}${quote}`;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, inner]) => `${pythonRepr(key)}: ${pythonRepr(inner)}`)
    .join(', ')}}`;
}
