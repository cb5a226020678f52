/**
 * One JSON value per line (NDJSON, tracking logs); blank lines are skipped. Splits text chunks
 * itself rather than through readline: a read or decode error then fails the iteration instead
 * of being lost, and it is faster on millions of lines.
 */
import { type SourceRecord } from './import-format';
import { jsonSourceRecord } from './source-record';

/** With `parse` false, values are left undefined: the mapping workers parse the text. */
export async function* jsonLineRecords(
  chunks: AsyncIterable<string>,
  parse = true,
): AsyncGenerator<SourceRecord> {
  const toRecord = (line: number, text: string): SourceRecord =>
    jsonSourceRecord(line, text.endsWith('\r') ? text.slice(0, -1) : text, parse);
  let line = 0;
  let rest = '';
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      line++;
      const text = rest + chunk.slice(start, end);
      rest = '';
      start = end + 1;
      if (text.trim() !== '') yield toRecord(line, text);
    }
    rest += chunk.slice(start);
  }
  if (rest.trim() !== '') yield toRecord(line + 1, rest);
}
