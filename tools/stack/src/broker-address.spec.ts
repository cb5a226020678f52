import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBrokerAddress, parseBrokerAddress } from './broker-address';

describe('parseBrokerAddress', () => {
  it('splits host and port', () => {
    assert.deepEqual(parseBrokerAddress('127.0.0.1:9092'), { host: '127.0.0.1', port: 9092 });
    assert.deepEqual(parseBrokerAddress(' kafka-0.internal:19092 '), {
      host: 'kafka-0.internal',
      port: 19092,
    });
  });

  it('reads a bracketed IPv6 host and writes it back bracketed', () => {
    const address = parseBrokerAddress('[::1]:9092');
    assert.deepEqual(address, { host: '::1', port: 9092 });
    assert.equal(formatBrokerAddress(address), '[::1]:9092');
  });

  it('rejects entries without a usable port', () => {
    for (const bad of ['127.0.0.1', '127.0.0.1:', 'host:0', 'host:70000', ':9092', '::1:9092']) {
      assert.throws(() => parseBrokerAddress(bad), /invalid broker address/, bad);
    }
  });
});
