import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import 'reflect-metadata';
import { type ClickHouseClient, CLICKHOUSE, ClickHouseModule, embeddedEngineState } from '../src';
import { embeddedTestEnv } from './embedded-env';

describe('ClickHouseModule', () => {
  const engine = embeddedTestEnv();
  after(() => {
    engine.remove();
  });

  it('provides the client to the whole app and closes it on shutdown', async () => {
    @Module({})
    class FeatureModule {}
    @Module({ imports: [ClickHouseModule.forRoot(engine.env), FeatureModule] })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const client = app.select(FeatureModule).get<ClickHouseClient>(CLICKHOUSE);
    const result = await client.query({
      query: 'SELECT currentDatabase() AS db',
      format: 'JSONEachRow',
    });
    assert.deepEqual(await result.json(), [{ db: engine.env.CLICKHOUSE_DATABASE }]);
    assert.equal(embeddedEngineState()?.references, 1);
    await app.close();
    assert.equal(embeddedEngineState(), undefined);
  });
});
