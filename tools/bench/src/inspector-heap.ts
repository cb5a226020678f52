/**
 * Heap of a child Node process started with `--inspect=127.0.0.1:<port>`, read over the
 * DevTools protocol: a full garbage collection (HeapProfiler.collectGarbage) first, then the
 * child's own `process.memoryUsage()`, so the heap figure is live objects only.
 */
export interface HeapAfterGc {
  heapUsedMiB: number;
  heapTotalMiB: number;
  rssMiB: number;
}

const MIB = 1024 * 1024;

async function debuggerUrl(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/json/list`);
  const targets = (await response.json()) as { webSocketDebuggerUrl?: string }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (url === undefined) throw new Error(`no inspector target on port ${port}`);
  return url;
}

export async function heapAfterGc(port: number, timeoutMs = 60_000): Promise<HeapAfterGc> {
  const socket = new WebSocket(await debuggerUrl(port));
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => {
      resolve();
    });
    socket.addEventListener('error', () => {
      reject(new Error(`inspector on port ${port} refused the connection`));
    });
  });
  let nextId = 1;
  const call = (method: string, params: Record<string, unknown> = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        reject(new Error(`inspector ${method} gave no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (message: MessageEvent): void => {
        const answer = JSON.parse(String(message.data)) as {
          id?: number;
          result?: unknown;
          error?: { message: string };
        };
        if (answer.id !== id) return;
        clearTimeout(timer);
        socket.removeEventListener('message', onMessage);
        if (answer.error !== undefined) reject(new Error(`${method}: ${answer.error.message}`));
        else resolve(answer.result);
      };
      socket.addEventListener('message', onMessage);
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const result = (await call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result: { value: string } };
    const usage = JSON.parse(result.result.value) as NodeJS.MemoryUsage;
    return {
      heapUsedMiB: usage.heapUsed / MIB,
      heapTotalMiB: usage.heapTotal / MIB,
      rssMiB: usage.rss / MIB,
    };
  } finally {
    socket.close();
  }
}
