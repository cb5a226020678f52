/** What every row mapper shares: where the record came from, and how it refuses one. */

/** A record ClickHouse could not store as it is; it goes to the dead-letter topic. */
export class RowMappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowMappingError';
  }
}

export interface KafkaPosition {
  partition: number;
  offset: number;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
