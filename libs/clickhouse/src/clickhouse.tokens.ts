/** Injection token of the app's ClickHouse client (`@Inject(CLICKHOUSE) client: ClickHouseClient`). */
export const CLICKHOUSE = Symbol('learnpulse.clickhouse');
