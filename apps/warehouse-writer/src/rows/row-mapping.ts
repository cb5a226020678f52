/** What every row mapper shares: where the record came from, and how it refuses one. */
import { isStorableTime, toDateTime64 } from '@learnpulse/clickhouse';

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

/** A time as DateTime64 text; refuses what DateTime64(3) cannot hold. */
export function storableTime(field: string, epochMs: number): string {
  if (!isStorableTime(epochMs)) {
    throw new RowMappingError(`${field} ${epochMs} is outside the years 1900-2299`);
  }
  return toDateTime64(epochMs);
}

export function finiteOrNull(field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) throw new RowMappingError(`${field} is not a finite number`);
  return value;
}
