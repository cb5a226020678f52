/**
 * Map results in a form that crosses threads cheaply: every value's bytes in one buffer and the
 * structure in typed arrays, all transferred, with only the keys (and the rare errors, string
 * values and headers) cloned. Cloning the results as objects, each Buffer a view on an 8 KiB
 * pool, cost the mapping workers ~5 % of their time (tools/bench import --profile).
 */
import { type ProducerRecord } from '@learnpulse/kafka';
import { type MapResult, type RecordError } from './import-format';

export interface PackedResults {
  /** Per result: its number of ProducerRecords, or -1 when it is errors. */
  recordCounts: Int32Array;
  /** [result index, errors] of every rejected record. */
  errors: [number, RecordError[]][];
  /** The topics, once each; `recordTopics` indexes them per ProducerRecord. */
  topicNames: string[];
  recordTopics: Uint16Array;
  /** Per ProducerRecord, its number of messages. */
  messageCounts: Uint32Array;
  /** Per message. */
  keys: string[];
  /** Per message, where its value ends in `values` (it starts where the previous one ends). */
  valueEnds: Uint32Array;
  /** [message index, value] of messages whose value is a string (no bytes in `values`). */
  textValues: [number, string][];
  /** [message index, headers] of messages that have headers. */
  headers: [number, Record<string, string>][];
  values: ArrayBuffer;
}

/** The buffers postMessage can transfer instead of copying. */
export function transferablesOf(packed: PackedResults): ArrayBuffer[] {
  return [
    packed.recordCounts.buffer as ArrayBuffer,
    packed.recordTopics.buffer as ArrayBuffer,
    packed.messageCounts.buffer as ArrayBuffer,
    packed.valueEnds.buffer as ArrayBuffer,
    packed.values,
  ];
}

export function packResults(results: readonly MapResult[]): PackedResults {
  let recordTotal = 0;
  let messageTotal = 0;
  let byteTotal = 0;
  for (const result of results) {
    if ('errors' in result) continue;
    recordTotal += result.records.length;
    for (const record of result.records) {
      messageTotal += record.messages.length;
      for (const message of record.messages) {
        if (typeof message.value !== 'string') byteTotal += message.value.length;
      }
    }
  }
  const packed: PackedResults = {
    recordCounts: new Int32Array(results.length),
    errors: [],
    topicNames: [],
    recordTopics: new Uint16Array(recordTotal),
    messageCounts: new Uint32Array(recordTotal),
    keys: new Array<string>(messageTotal),
    valueEnds: new Uint32Array(messageTotal),
    textValues: [],
    headers: [],
    values: new ArrayBuffer(byteTotal),
  };
  const bytes = new Uint8Array(packed.values);
  const topicIndex = new Map<string, number>();
  let recordAt = 0;
  let messageAt = 0;
  let byteAt = 0;
  for (const [index, result] of results.entries()) {
    if ('errors' in result) {
      packed.recordCounts[index] = -1;
      packed.errors.push([index, result.errors]);
      continue;
    }
    packed.recordCounts[index] = result.records.length;
    for (const record of result.records) {
      let topic = topicIndex.get(record.topic);
      if (topic === undefined) {
        topic = packed.topicNames.push(record.topic) - 1;
        topicIndex.set(record.topic, topic);
      }
      packed.recordTopics[recordAt] = topic;
      packed.messageCounts[recordAt++] = record.messages.length;
      for (const message of record.messages) {
        packed.keys[messageAt] = message.key;
        if (typeof message.value === 'string') packed.textValues.push([messageAt, message.value]);
        else {
          bytes.set(message.value, byteAt);
          byteAt += message.value.length;
        }
        packed.valueEnds[messageAt] = byteAt;
        if (message.headers !== undefined) packed.headers.push([messageAt, message.headers]);
        messageAt++;
      }
    }
  }
  return packed;
}

export function unpackResults(packed: PackedResults): MapResult[] {
  const errors = new Map(packed.errors);
  const textValues = new Map(packed.textValues);
  const headers = new Map(packed.headers);
  const results: MapResult[] = [];
  let recordAt = 0;
  let messageAt = 0;
  let byteAt = 0;
  for (const [index, count] of packed.recordCounts.entries()) {
    if (count < 0) {
      results.push({ errors: errors.get(index) ?? [] });
      continue;
    }
    const records: ProducerRecord[] = [];
    for (let r = 0; r < count; r++, recordAt++) {
      const messages: ProducerRecord['messages'] = [];
      const messageCount = packed.messageCounts[recordAt] ?? 0;
      for (let m = 0; m < messageCount; m++, messageAt++) {
        const end = packed.valueEnds[messageAt] ?? byteAt;
        // A view on the transferred buffer, not a copy.
        const value = textValues.get(messageAt) ?? Buffer.from(packed.values, byteAt, end - byteAt);
        byteAt = end;
        const key = packed.keys[messageAt] ?? '';
        const messageHeaders = headers.get(messageAt);
        messages.push(
          messageHeaders === undefined ? { key, value } : { key, value, headers: messageHeaders },
        );
      }
      records.push({
        topic: packed.topicNames[packed.recordTopics[recordAt] ?? 0] ?? '',
        messages,
      });
    }
    results.push({ records });
  }
  return results;
}
