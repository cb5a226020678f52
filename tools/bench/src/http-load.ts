/** POSTs over node:http keep-alive agents, with the outcome tallied per status. */
import { Agent, request } from 'node:http';

export interface PostResult {
  /** HTTP status, or 0 when no answer came (network error, timeout). */
  status: number;
  /** The response body (or the network error) when the status is not 200. */
  detail: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

export function keepAliveAgent(connections: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
}

export function post(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<PostResult> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (status !== 200) chunks.push(chunk);
        });
        res.on('end', () => {
          resolve({ status, detail: Buffer.concat(chunks).toString('utf8').slice(0, 500) });
        });
        res.on('error', (error) => {
          resolve({ status: 0, detail: error.message });
        });
      },
    );
    req.on('timeout', () => {
      req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      resolve({ status: 0, detail: error.code ?? error.message });
    });
    req.end(body);
  });
}

/** Counts of outcomes; anything but 200 is an error. */
export class Outcomes {
  ok = 0;
  readonly errors = new Map<string, { count: number; example: string }>();

  add(result: PostResult): void {
    if (result.status === 200) {
      this.ok += 1;
      return;
    }
    const key = result.status === 0 ? `no answer (${result.detail})` : `HTTP ${result.status}`;
    const entry = this.errors.get(key);
    if (entry === undefined) this.errors.set(key, { count: 1, example: result.detail });
    else entry.count += 1;
  }

  get errorCount(): number {
    let total = 0;
    for (const { count } of this.errors.values()) total += count;
    return total;
  }

  /** One line per kind of error, with an example body. */
  describeErrors(): string[] {
    return [...this.errors.entries()].map(
      ([key, { count, example }]) => `  ${key}: ${count}  e.g. ${example.replace(/\s+/g, ' ')}`,
    );
  }
}
