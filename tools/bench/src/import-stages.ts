/**
 * The two halves of an import measured apart, in this process, on the first lines of the
 * benchmark file: mapping (JSON.parse, validation, normalisation, record encoding, as the
 * CLI's xapi format does) without Kafka, and sending already-encoded records through the
 * ReliableProducer (1,000-statement batches, 4 in flight, as the CLI sends them). Together
 * they show which half bounds the import.
 */
import { ReliableProducer, type ProducerRecord } from '@learnpulse/kafka';
import {
  lrsAuthority,
  normaliseStatement,
  statementRecords,
  validateStatement,
  type XapiStatement,
} from '@learnpulse/xapi';
import { type Kafka } from 'kafkajs';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import pino from 'pino';

export interface StageFigures {
  statements: number;
  mapPerSecond: number;
  sendPerSecond: number;
}

const BATCH = 1000;
const IN_FLIGHT = 4;

async function mapLines(file: string, count: number, tenant: string): Promise<ProducerRecord[][]> {
  const receivedAt = Date.now();
  const authority = lrsAuthority(tenant);
  const batches: ProducerRecord[][] = [];
  let batch: ProducerRecord[] = [];
  let seen = 0;
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Infinity,
  })) {
    const value: unknown = JSON.parse(line);
    if (validateStatement(value, { version: '2.0.0' }).length > 0) throw new Error('invalid line');
    const stored = normaliseStatement(value as XapiStatement, {
      authority,
      stored: new Date(receivedAt),
    });
    batch.push(
      ...statementRecords(tenant, [{ ...stored, id: stored.id.toLowerCase() }], receivedAt),
    );
    if (++seen % BATCH === 0) {
      batches.push(batch);
      batch = [];
    }
    if (seen >= count) break;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export async function measureImportStages(
  kafka: Kafka,
  file: string,
  statements: number,
): Promise<StageFigures> {
  const tenant = `bench-stages-${String(Date.now())}`;
  const mapStarted = process.hrtime.bigint();
  const batches = await mapLines(file, statements, tenant);
  const mapSeconds = Number(process.hrtime.bigint() - mapStarted) / 1e9;

  const producer = await ReliableProducer.connect(kafka, pino({ level: 'warn' }), {
    maxCoalescedBytes: 4 * 1024 * 1024,
  });
  try {
    const sendStarted = process.hrtime.bigint();
    const inFlight: Promise<void>[] = [];
    for (const batch of batches) {
      inFlight.push(producer.send(batch));
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    const sendSeconds = Number(process.hrtime.bigint() - sendStarted) / 1e9;
    return {
      statements,
      mapPerSecond: statements / mapSeconds,
      sendPerSecond: statements / sendSeconds,
    };
  } finally {
    await producer.close();
  }
}
