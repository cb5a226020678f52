import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSqlQuery } from './sql-format';

describe('parseSqlQuery', () => {
  it('defaults to JSONEachRow and maps CSV and TSV to their header-row variants', () => {
    assert.deepEqual(parseSqlQuery({}), {
      ok: true,
      format: { clickhouse: 'JSONEachRow', contentType: 'application/x-ndjson; charset=utf-8' },
    });
    const csv = parseSqlQuery({ format: 'CSV' });
    assert.equal(csv.ok && csv.format.clickhouse, 'CSVWithNames');
    const tsv = parseSqlQuery({ format: 'TSV' });
    assert.equal(tsv.ok && tsv.format.clickhouse, 'TabSeparatedWithNames');
    const parquet = parseSqlQuery({ format: 'Parquet' });
    assert.equal(parquet.ok && parquet.format.contentType, 'application/vnd.apache.parquet');
  });

  it('rejects another format, a repeated one and unknown parameters, naming them', () => {
    assert.deepEqual(parseSqlQuery({ format: 'Native' }), {
      ok: false,
      errors: [{ param: 'format', rule: 'must be one of JSONEachRow, CSV, TSV, Parquet' }],
    });
    assert.equal(parseSqlQuery({ format: ['CSV', 'TSV'] }).ok, false);
    assert.deepEqual(parseSqlQuery({ tenant: 'other' }), {
      ok: false,
      errors: [{ param: 'tenant', rule: 'is not a known parameter (format)' }],
    });
  });
});
