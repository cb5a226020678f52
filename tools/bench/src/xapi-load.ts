/**
 * Request bodies and headers for load on POST /xapi/statements: realistic demo statements,
 * each sent under a fresh UUID so no request is a duplicate or a conflict. The JSON of each
 * statement (without its id) is serialised once; a body only splices new ids in, so the load
 * generator spends little of the shared CPU.
 */
import { generateDemoStatements, type DemoStatement } from '@learnpulse/demo';
import { randomBytes, randomUUID } from 'node:crypto';

export const XAPI_VERSION_HEADER = { 'X-Experience-API-Version': '2.0.0' } as const;

export interface GatewayCredentials {
  tenant: string;
  key: string;
  secret: string;
}

export function benchCredentials(): GatewayCredentials {
  return { tenant: 'bench', key: 'bench-lrs', secret: randomBytes(12).toString('hex') };
}

/** Variables that make `serve xapi-gateway` accept `credentials` as its demo tenant. */
export function credentialEnv(credentials: GatewayCredentials): Record<string, string> {
  return {
    DEMO_TENANT: credentials.tenant,
    DEMO_LRS_KEY: credentials.key,
    DEMO_LRS_SECRET: credentials.secret,
  };
}

export function postHeaders(credentials: GatewayCredentials): Record<string, string> {
  const basic = Buffer.from(`${credentials.key}:${credentials.secret}`).toString('base64');
  return {
    ...XAPI_VERSION_HEADER,
    Authorization: `Basic ${basic}`,
    'Content-Type': 'application/json',
  };
}

/** A demo term of `learners` learners (about 160 statements each over 28 days). */
export function demoStatements(learners: number, seed = 'learnpulse-bench'): DemoStatement[] {
  return generateDemoStatements({ learners, backfillDays: 28, seed });
}

export class StatementBodies {
  /** Each statement's JSON without `id` and without its opening brace. */
  private readonly tails: string[];
  private next = 0;

  constructor(statements: readonly DemoStatement[]) {
    this.tails = statements.map((statement) => {
      const rest: Partial<DemoStatement> = { ...statement };
      delete rest.id;
      return JSON.stringify(rest).slice(1);
    });
  }

  get size(): number {
    return this.tails.length;
  }

  private one(): string {
    const tail = this.tails[this.next] ?? '}';
    this.next = (this.next + 1) % this.tails.length;
    return `{"id":"${randomUUID()}",${tail}`;
  }

  /** A JSON array of `count` statements, each with a new id. */
  batch(count: number): string {
    const parts: string[] = new Array<string>(count);
    for (let i = 0; i < count; i += 1) parts[i] = this.one();
    return `[${parts.join(',')}]`;
  }

  /** One statement object with a new id. */
  single(): string {
    return this.one();
  }
}
