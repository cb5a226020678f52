/**
 * Topic administration: creates the topics that are missing (idempotent, safe to run
 * from several processes at once) and waits until every partition's leader serves it.
 */
import { type ITopicConfig, type Kafka } from 'kafkajs';
import { fetchSettledTopicOffsets, onceTopicsSettle } from './topic-readiness';
import { TOPIC_SPECS, type TopicSpec } from './topics';

export interface EnsureTopicsOptions {
  partitions: number;
  replicationFactor: number;
  /** Which topics to ensure; all of TOPIC_SPECS when omitted. */
  topics?: readonly TopicSpec[];
  /** Broker-side timeout for topic creation and leader election. */
  timeoutMs?: number;
}

export interface EnsureTopicsResult {
  /** Topics this call created. */
  created: string[];
  /** Topics that already existed, with their partition count (left unchanged). */
  existing: { name: string; partitions: number }[];
}

export function toTopicConfig(
  spec: TopicSpec,
  partitions: number,
  replicationFactor: number,
): ITopicConfig {
  return {
    topic: spec.name,
    numPartitions: partitions,
    replicationFactor,
    configEntries: spec.configEntries.map(({ name, value }) => ({ name, value })),
  };
}

export async function ensureTopics(
  kafka: Kafka,
  options: EnsureTopicsOptions,
): Promise<EnsureTopicsResult> {
  const specs = options.topics ?? TOPIC_SPECS;
  const timeout = options.timeoutMs ?? 30_000;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const present = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !present.has(spec.name));
    if (missing.length > 0) {
      // Another process may create the same topics at the same moment; kafkajs then
      // answers false (TOPIC_ALREADY_EXISTS) and the metadata check below still holds.
      await admin.createTopics({
        topics: missing.map((spec) =>
          toTopicConfig(spec, options.partitions, options.replicationFactor),
        ),
        waitForLeaders: true,
        timeout,
      });
    }
    const names = specs.map((spec) => spec.name);
    const { topics } = await onceTopicsSettle(
      () => admin.fetchTopicMetadata({ topics: names }),
      timeout,
    );
    // Leaders elected is not leaders serving: the first reader of a new topic's offsets must
    // not be the one to find out (seen in CI under load as NOT_LEADER_FOR_PARTITION).
    await Promise.all(names.map((name) => fetchSettledTopicOffsets(admin, name, timeout)));
    const partitionsByName = new Map(topics.map((t) => [t.name, t.partitions.length]));
    const missingNames = new Set(missing.map((spec) => spec.name));
    return {
      created: specs.filter((spec) => missingNames.has(spec.name)).map((spec) => spec.name),
      existing: specs
        .filter((spec) => !missingNames.has(spec.name))
        .map((spec) => ({ name: spec.name, partitions: partitionsByName.get(spec.name) ?? 0 })),
    };
  } finally {
    await admin.disconnect();
  }
}
