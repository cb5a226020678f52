/**
 * Fetches the broker jars named in tools/stack/kafka/pom.xml into LEARNPULSE_HOME once.
 * A marker written after a complete fetch (holding the pom's hash) makes later runs skip
 * Maven, and a changed pom fetch again.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { requireMaven } from './java-tools';
import { runCommand, tail } from './run-command';
import { KAFKA_POM, type StackPaths } from './stack-paths';

async function pomHash(pom: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(pom))
    .digest('hex');
}

export async function kafkaJarsPresent(paths: StackPaths, pom = KAFKA_POM): Promise<boolean> {
  try {
    return (await readFile(paths.jarsMarker, 'utf8')).trim() === (await pomHash(pom));
  } catch {
    return false;
  }
}

/** Returns true when it fetched, false when the jars were already there. */
export async function ensureKafkaJars(
  paths: StackPaths,
  log: (line: string) => void,
  pom = KAFKA_POM,
): Promise<boolean> {
  if (await kafkaJarsPresent(paths, pom)) return false;
  await requireMaven();
  log(`kafka: fetching the broker jars with Maven (${pom}); first run only`);
  // Fetch next to the final folder and swap it in, so an interrupted fetch never looks complete.
  const staging = `${paths.libsDir}.partial`;
  await rm(staging, { recursive: true, force: true });
  const result = await runCommand('mvn', [
    '-q',
    '-B',
    '-f',
    pom,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${staging}`,
  ]);
  if (result.code !== 0) {
    await rm(staging, { recursive: true, force: true });
    throw new Error(
      `Maven could not fetch the Kafka jars (exit ${result.code}):\n${tail(result.stdout + result.stderr)}`,
    );
  }
  await rm(paths.libsDir, { recursive: true, force: true });
  await rename(staging, paths.libsDir);
  await writeFile(paths.jarsMarker, `${await pomHash(pom)}\n`);
  return true;
}
