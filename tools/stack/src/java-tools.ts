/**
 * The managed broker needs a Java 17+ runtime, and Maven once to fetch its jars:
 * checked up front so a missing tool is a clear message rather than a spawn error.
 */
import { runCommand } from './run-command';

export const MIN_JAVA_MAJOR = 17;

const USE_EXTERNAL_HINT = 'or set KAFKA_BROKERS to use a Kafka broker you run yourself';

export class MissingToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingToolError';
  }
}

/** `java -version` output → major version ("1.8.0_392" → 8, "17.0.15" → 17). */
export function parseJavaMajorVersion(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (match === null) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

export async function requireJava(): Promise<number> {
  let output: string;
  try {
    const result = await runCommand('java', ['-version']);
    output = `${result.stderr}\n${result.stdout}`;
  } catch (error) {
    if (!isNotFound(error)) throw error;
    throw new MissingToolError(
      `Java ${MIN_JAVA_MAJOR}+ is needed to run the local Kafka broker, but \`java\` is not on PATH. ` +
        `Install a JDK or JRE ${MIN_JAVA_MAJOR}+ (e.g. \`apt-get install openjdk-17-jre-headless\`), ${USE_EXTERNAL_HINT}.`,
    );
  }
  const major = parseJavaMajorVersion(output);
  if (major === undefined || major < MIN_JAVA_MAJOR) {
    throw new MissingToolError(
      `Java ${MIN_JAVA_MAJOR}+ is needed to run the local Kafka broker, but \`java -version\` reports ` +
        `${major === undefined ? 'an unknown version' : `Java ${major}`}. Put a newer Java first on PATH, ${USE_EXTERNAL_HINT}.`,
    );
  }
  return major;
}

export async function requireMaven(): Promise<void> {
  try {
    await runCommand('mvn', ['-v']);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    throw new MissingToolError(
      'Maven (`mvn`) is needed once to fetch the Kafka broker jars from Maven Central, but it is not on PATH. ' +
        `Install it (e.g. \`apt-get install maven\`), ${USE_EXTERNAL_HINT}.`,
    );
  }
}
