/**
 * Splits a JSON document into its top-level values without parsing it whole: the items of an
 * array (`[{...}, {...}]`) or the one value of the document. A small scanner tracks strings
 * and nesting depth, so memory stays at one item however large the file is.
 */
import { type SourceRecord } from './import-format';
import { jsonSourceRecord } from './source-record';

const OPEN = new Set(['{', '[']);
const CLOSE = new Set(['}', ']']);

interface Pending {
  text: string;
  line: number;
}

/**
 * Records of a JSON document read as text chunks. An item that is not JSON comes out with
 * `value: undefined` (the pipeline rejects it); a document that is not an array is one record.
 * With `parse` false, values are left undefined: the mapping workers parse the text.
 */
export async function* jsonDocumentRecords(
  chunks: AsyncIterable<string>,
  parse = true,
): AsyncGenerator<SourceRecord> {
  const toRecord = ({ line: at, text }: Pending): SourceRecord =>
    jsonSourceRecord(at, text.trim(), parse);
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  // null until the first non-blank character tells an array from a single value.
  let isArray: boolean | null = null;
  let item: Pending | null = null;
  let single: Pending | null = null;

  for await (const chunk of chunks) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk.charAt(i);
      if (char === '\n') line++;
      if (isArray === null) {
        if (char.trim() === '') continue;
        isArray = char === '[';
        if (!isArray) {
          single = { text: '', line };
          start = i;
          break;
        }
        depth = 1;
        start = i + 1;
        continue;
      }
      if (!isArray) break;
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      if (char === '"') inString = true;
      if (OPEN.has(char)) depth++;
      if (CLOSE.has(char)) depth--;
      const endsItem = depth === 1 && char === ',';
      const endsArray = depth === 0 && char === ']';
      if (endsItem || endsArray) {
        const text = (item?.text ?? '') + chunk.slice(start, i);
        if (text.trim() !== '') yield toRecord({ text, line: item?.line ?? line });
        item = null;
        start = i + 1;
        if (endsArray) isArray = false;
        continue;
      }
      if (item === null && char.trim() !== '') {
        item = { text: '', line };
        start = i;
      }
    }
    if (single !== null) single.text += chunk.slice(start);
    else if (item !== null) item.text += chunk.slice(start);
  }
  if (single !== null) yield toRecord(single);
  else if (item !== null && item.text.trim() !== '') yield toRecord(item);
}
