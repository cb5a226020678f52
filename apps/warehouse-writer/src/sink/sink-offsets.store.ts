/**
 * The sink's write-ahead state in ClickHouse (`sink_offsets`): per consumer group, topic and
 * partition, the range of the batch last written or being written.
 */
import { type ClickHouseClient, toDateTime64 } from '@learnpulse/clickhouse';
import { type OffsetRange } from './batch-plan';

interface StateRow {
  first_offset: string | number;
  last_offset: string | number;
}

export class SinkOffsetsStore {
  private lastWriteMs = 0;

  constructor(
    private readonly client: ClickHouseClient,
    private readonly group: string,
  ) {}

  async read(topic: string, partition: number): Promise<OffsetRange | null> {
    const result = await this.client.query({
      query: `SELECT first_offset, last_offset FROM sink_offsets FINAL
              WHERE consumer_group = {group:String} AND topic = {topic:String} AND partition = {partition:UInt32}`,
      query_params: { group: this.group, topic, partition },
      format: 'JSONEachRow',
    });
    const [row] = await result.json<StateRow>();
    return row === undefined
      ? null
      : { first: Number(row.first_offset), last: Number(row.last_offset) };
  }

  async write(topic: string, partition: number, range: OffsetRange, token: string): Promise<void> {
    // ReplacingMergeTree keeps the row with the greatest updated_at: never write two equal ones.
    this.lastWriteMs = Math.max(Date.now(), this.lastWriteMs + 1);
    await this.client.insert({
      table: 'sink_offsets',
      values: [
        {
          consumer_group: this.group,
          topic,
          partition,
          first_offset: range.first,
          last_offset: range.last,
          token,
          updated_at: toDateTime64(this.lastWriteMs),
        },
      ],
      format: 'JSONEachRow',
    });
  }
}
