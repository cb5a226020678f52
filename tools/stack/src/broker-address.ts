/**
 * "host:port" entries of KAFKA_BROKERS, split for the broker's listener settings.
 */
export interface BrokerAddress {
  host: string;
  port: number;
}

/** Accepts `host:port` and `[ipv6]:port`; throws on anything else. */
export function parseBrokerAddress(broker: string): BrokerAddress {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(broker.trim());
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (host === undefined || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`invalid broker address "${broker}": expected host:port`);
  }
  return { host, port };
}

/** The inverse of parseBrokerAddress, bracketing IPv6 hosts. */
export function formatBrokerAddress({ host, port }: BrokerAddress): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
