/**
 * The ceiling of an import on this machine: Kafka's own producer (ProducerPerformance, the
 * class behind kafka-producer-perf-test.sh) writing as many records of the same average size
 * as the import wrote, to the same broker, with nothing to read or map. An import cannot write
 * its records faster than that; dividing by the records per line gives the lines per second
 * the broker and a producer alone allow.
 */
import { type ProducerRecord } from '@learnpulse/kafka';
import {
  edxEventRecords,
  edxLearnerPseudonyms,
  NO_COURSE_METADATA,
  parseEdxEvent,
} from '@learnpulse/mappers';
import {
  lrsAuthority,
  normaliseStatement,
  statementRecords,
  type XapiStatement,
} from '@learnpulse/xapi';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type BenchKafka } from './bench-kafka';
import {
  ensureProducerPerformanceTopic,
  runProducerPerformance,
  type ProducerPerformanceResult,
} from './producer-performance';

const PP_TOPIC = 'bench.import-producer-performance';

export interface ImportRecordSizes {
  /** Kafka records per source line (edX: a LearningEvent and, for most events, a statement). */
  recordsPerLine: number;
  /** Average key + value bytes of those records. */
  averageBytes: number;
}

/** What the import's mapper makes of one line, as the CLI's edx and xapi formats map it. */
function lineRecords(
  format: 'edx' | 'xapi',
  line: string,
  tenant: string,
  pseudonymKey: string,
): ProducerRecord[] {
  const value: unknown = JSON.parse(line);
  const receivedAt = Date.now();
  if (format === 'edx') {
    const parsed = parseEdxEvent(value, line);
    if (!parsed.ok) throw new Error(`benchmark line is not an edX event: ${line.slice(0, 200)}`);
    return edxEventRecords([parsed.event], {
      credential: { tenant, key: 'learnpulse-import' },
      receivedAt,
      learnerIds: edxLearnerPseudonyms(pseudonymKey, tenant),
      courses: NO_COURSE_METADATA,
    }).records;
  }
  const stored = normaliseStatement(value as XapiStatement, {
    authority: lrsAuthority(tenant),
    stored: new Date(receivedAt),
  });
  return statementRecords(tenant, [stored], receivedAt);
}

/** Records per line and their average size, from the first `sampleLines` lines of the file. */
export async function importRecordSizes(
  format: 'edx' | 'xapi',
  file: string,
  sampleLines: number,
  pseudonymKey: string,
): Promise<ImportRecordSizes> {
  let lines = 0;
  let records = 0;
  let bytes = 0;
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Infinity,
  })) {
    for (const { messages } of lineRecords(format, line, 'bench-sizes', pseudonymKey)) {
      for (const message of messages) {
        records += 1;
        bytes += Buffer.byteLength(message.value) + Buffer.byteLength(message.key);
      }
    }
    if (++lines >= sampleLines) break;
  }
  if (records === 0) throw new Error('the sample lines made no Kafka records');
  return { recordsPerLine: records / lines, averageBytes: bytes / records };
}

/**
 * ProducerPerformance with `records` records of `recordSize` bytes on a topic partitioned
 * like learning.events.v1 (acks=all, idempotent, as the import's producer).
 */
export async function producerBaseline(
  kafka: BenchKafka,
  records: number,
  recordSize: number,
): Promise<ProducerPerformanceResult> {
  await ensureProducerPerformanceTopic(kafka, PP_TOPIC);
  return runProducerPerformance({
    libsDir: kafka.libsDir,
    brokers: kafka.brokers,
    topic: PP_TOPIC,
    records,
    recordSize,
    timeoutMs: 300_000,
  });
}
