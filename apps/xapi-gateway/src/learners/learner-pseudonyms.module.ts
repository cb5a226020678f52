/**
 * The per-tenant learner pseudonymiser (LEARNER_PSEUDONYM_KEY) the gateway applies to every
 * LearningEvent it writes, so learning.events.v1 and the warehouse never carry an actor's
 * email or account. The stored statements stay verbatim (the LRS returns what it was sent).
 */
import { ConfigError, type Environment } from '@learnpulse/config';
import { type LearnerPseudonyms, tenantLearnerPseudonyms } from '@learnpulse/mappers';
import { type DynamicModule, Global, Module } from '@nestjs/common';

export type LearnerPseudonymsFor = (tenant: string) => LearnerPseudonyms;

export const LEARNER_PSEUDONYMS = Symbol('xapi-gateway.learner-pseudonyms');

/** Required, not defaulted: a built-in key would make every install's pseudonyms reversible. */
function pseudonymsOf(env: Environment): LearnerPseudonymsFor {
  const key = env.LEARNER_PSEUDONYM_KEY;
  if (key === undefined) {
    throw new ConfigError([
      'LEARNER_PSEUDONYM_KEY: required by xapi-gateway (the secret of the learner pseudonyms, at least 32 characters; e.g. `openssl rand -base64 32`)',
    ]);
  }
  return tenantLearnerPseudonyms(key);
}

@Global()
@Module({})
export class LearnerPseudonymsModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: LearnerPseudonymsModule,
      providers: [{ provide: LEARNER_PSEUDONYMS, useValue: pseudonymsOf(env) }],
      exports: [LEARNER_PSEUDONYMS],
    };
  }
}
