/**
 * Kafka's own producer benchmark (org.apache.kafka.tools.ProducerPerformance, the class behind
 * kafka-producer-perf-test.sh, from the kafka-tools jar of the local stack) as the baseline.
 */
import { ensureTopics, TOPICS } from '@learnpulse/kafka';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { type BenchKafka } from './bench-kafka';

export interface ProducerPerformanceResult {
  records: number;
  recordsPerSecond: number;
  mbPerSecond: number;
  avgLatencyMs: number;
  maxLatencyMs: number;
  /** The summary line as the tool printed it. */
  summary: string;
}

export interface ProducerPerformanceOptions {
  libsDir: string;
  brokers: string;
  topic: string;
  records: number;
  recordSize: number;
  timeoutMs: number;
}

/**
 * Creates `topic` for ProducerPerformance, partitioned like learning.events.v1 (what the
 * gateways and the importer write to), and returns its partition count.
 */
export async function ensureProducerPerformanceTopic(
  kafka: BenchKafka,
  topic: string,
): Promise<number> {
  const admin = kafka.kafka.admin();
  await admin.connect();
  let partitions: number;
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [TOPICS.learningEvents] });
    partitions = topics[0]?.partitions.length ?? kafka.config.KAFKA_TOPIC_PARTITIONS;
  } finally {
    await admin.disconnect();
  }
  await ensureTopics(kafka.kafka, {
    partitions,
    replicationFactor: kafka.config.KAFKA_REPLICATION_FACTOR,
    topics: [
      { name: topic, key: 'none', value: 'random bytes', compacted: false, configEntries: [] },
    ],
  });
  return partitions;
}

const SUMMARY =
  /^(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency, ([\d.]+) ms max latency/;

export function runProducerPerformance(
  options: ProducerPerformanceOptions,
): Promise<ProducerPerformanceResult> {
  const args = [
    '-cp',
    path.join(options.libsDir, '*'),
    'org.apache.kafka.tools.ProducerPerformance',
    '--topic',
    options.topic,
    '--num-records',
    String(options.records),
    '--record-size',
    String(options.recordSize),
    '--throughput',
    '-1',
    '--producer-props',
    `bootstrap.servers=${options.brokers}`,
    'acks=all',
    'enable.idempotence=true',
    'linger.ms=5',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      // The last matching line is the summary; earlier ones are progress reports.
      const summary = output
        .split('\n')
        .filter((line) => SUMMARY.test(line))
        .at(-1);
      const match = summary === undefined ? null : SUMMARY.exec(summary);
      if (code !== 0 || match === null || summary === undefined) {
        reject(
          new Error(`ProducerPerformance failed (exit ${String(code)}):\n${output.slice(-2000)}`),
        );
        return;
      }
      resolve({
        records: Number(match[1]),
        recordsPerSecond: Number(match[2]),
        mbPerSecond: Number(match[3]),
        avgLatencyMs: Number(match[4]),
        maxLatencyMs: Number(match[5]),
        summary,
      });
    });
  });
}
