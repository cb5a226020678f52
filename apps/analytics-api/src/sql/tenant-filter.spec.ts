import { SettingsMap } from '@clickhouse/client';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quoteString, stringByBytes, tenantTableFilters } from './tenant-filter';

describe('tenantTableFilters', () => {
  it('filters every table by its plain and qualified name, as a ClickHouse map literal', () => {
    const map = SettingsMap.from(tenantTableFilters('uni-a', 'learnpulse', ['learning_events']));
    assert.equal(
      map.toString(),
      "{'learning_events':'tenant = char(117, 110, 105, 45, 97)','learnpulse.learning_events':'tenant = char(117, 110, 105, 45, 97)'}",
    );
  });

  it('writes any tenant without a quote or backslash, so no value can end the literal', () => {
    const entries = tenantTableFilters("x' OR 1 --\\", 'db', ['t']);
    assert.doesNotMatch(entries.t ?? '', /['\\]/);
    assert.equal(stringByBytes('é'), 'char(195, 169)');
  });

  it('refuses a table or database name that is not a plain identifier', () => {
    assert.throws(() => tenantTableFilters('a', 'db', ["t':'1"]), /not a plain/);
    assert.throws(() => tenantTableFilters('a', 'd.b', ['t']), /not a plain/);
  });
});

describe('quoteString', () => {
  it('doubles quotes and escapes backslashes', () => {
    assert.equal(quoteString("o'brien\\"), "'o''brien\\\\'");
  });
});
