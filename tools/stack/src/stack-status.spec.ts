import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactUrl } from './clickhouse-target';
import { formatStackStatus } from './stack-status';

describe('formatStackStatus', () => {
  it('shows the managed broker, its topics and the embedded ClickHouse folder', () => {
    const text = formatStackStatus({
      kafka: {
        brokers: ['127.0.0.1:9092'],
        running: true,
        pid: 42,
        logFile: '/repo/.local/logs/kafka.log',
        reachable: true,
        topics: [{ name: 'learning.events.v1', partitions: 3 }],
        missingTopics: ['learner.risk.v1'],
      },
      clickhouse: { mode: 'embedded', path: '/repo/.local/clickhouse', ready: true },
    });
    assert.match(text, /managed broker running \(pid 42\)/);
    assert.match(text, /127\.0\.0\.1:9092 reachable/);
    assert.match(text, /learning\.events\.v1 \(3 partitions\)/);
    assert.match(text, /missing topics: learner\.risk\.v1/);
    assert.match(text, /embedded, data in \/repo\/\.local\/clickhouse$/);
  });

  it('says why Kafka or a ClickHouse server is not reachable', () => {
    const text = formatStackStatus({
      kafka: {
        brokers: ['127.0.0.1:9092'],
        running: false,
        reachable: false,
        error: 'nothing accepts connections there',
        topics: [],
        missingTopics: [],
      },
      clickhouse: {
        mode: 'server',
        url: 'http://ch:8123/',
        ready: false,
        error: 'connect ECONNREFUSED',
      },
    });
    assert.match(text, /no managed broker running/);
    assert.match(text, /NOT reachable \(nothing accepts connections there\)/);
    assert.match(text, /server http:\/\/ch:8123\/ NOT answering \(connect ECONNREFUSED\)/);
  });
});

describe('redactUrl', () => {
  it('removes credentials before a URL is printed', () => {
    assert.equal(redactUrl('https://user:secret@ch.example:8443/'), 'https://ch.example:8443/');
  });
});
