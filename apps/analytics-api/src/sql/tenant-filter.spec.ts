import { SettingsMap } from '@clickhouse/client';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quoteString, tenantTableFilters } from './tenant-filter';

describe('tenantTableFilters', () => {
  it('filters every table by its plain and qualified name, as a ClickHouse map literal', () => {
    const map = SettingsMap.from(tenantTableFilters('uni-a', 'learnpulse', ['learning_events']));
    assert.equal(
      map.toString(),
      "{'learning_events':'tenant = ''uni-a''','learnpulse.learning_events':'tenant = ''uni-a'''}",
    );
  });

  it('escapes quotes and backslashes, so no value can end the literal', () => {
    assert.equal(quoteString("o'brien\\"), "'o''brien\\\\'");
    const entries = tenantTableFilters("x' OR 1 --", 'db', ['t']);
    assert.equal(entries.t, "tenant = ''x'''' OR 1 --''");
  });
});
