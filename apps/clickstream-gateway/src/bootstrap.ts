/** Creates the clickstream gateway and starts listening on CLICKSTREAM_GATEWAY_PORT. */
import { ConfigError, type Environment } from '@learnpulse/config';
import {
  edxLearnerPseudonyms,
  NO_COURSE_METADATA,
  tenantLearnerPseudonyms,
} from '@learnpulse/mappers';
import { createNestApp } from '@learnpulse/observability';
import { type INestApplication } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_NAME, ClickstreamGatewayModule } from './app.module';
import { configureHttp } from './http/configure-http';
import {
  type CourseMetadataFor,
  type LearnerIdentifiersFor,
  type LearnerPseudonymsFor,
  type LmsRootUrlFor,
} from './learners/learner-identity.tokens';

export interface ClickstreamGatewayOptions {
  /**
   * Who the learner of an edX event is, per tenant. Default: the pseudonymiser keyed by
   * LEARNER_PSEUDONYM_KEY. Tests pass the ids Open edX's own fixtures use.
   */
  learnerIds?: LearnerIdentifiersFor;
  /** Course and block names for the xAPI statements, per tenant. Default: none (ids as names). */
  courses?: CourseMetadataFor;
}

/**
 * The pseudonym key is required rather than defaulted: only this app writes pseudonyms, and a
 * built-in key would make every install's pseudonyms reversible by anyone who reads this code.
 */
function pseudonymKey(env: Environment): string {
  const key = env.LEARNER_PSEUDONYM_KEY;
  if (key === undefined) {
    throw new ConfigError([
      'LEARNER_PSEUDONYM_KEY: required by clickstream-gateway (the secret of the learner pseudonyms, at least 32 characters; e.g. `openssl rand -base64 32`)',
    ]);
  }
  return key;
}

function pseudonymsOf(env: Environment): LearnerIdentifiersFor {
  const key = pseudonymKey(env);
  // One provider per tenant for the life of the process, so its memo of identities is reused.
  const providers = new Map<string, ReturnType<typeof edxLearnerPseudonyms>>();
  return (tenant) => {
    let provider = providers.get(tenant);
    if (provider === undefined) {
      provider = edxLearnerPseudonyms(key, tenant);
      providers.set(tenant, provider);
    }
    return provider;
  };
}

function lmsRootUrlsOf(env: Environment): LmsRootUrlFor {
  const urls = new Map(env.EDX_LMS_ROOT_URLS.map(({ tenant, url }) => [tenant, url]));
  return (tenant) => urls.get(tenant);
}

export async function bootstrapClickstreamGateway(
  env: Environment,
  options: ClickstreamGatewayOptions = {},
): Promise<NestFastifyApplication & INestApplication> {
  const identity = {
    learnerIds: options.learnerIds ?? pseudonymsOf(env),
    courses: options.courses ?? (() => NO_COURSE_METADATA),
    lmsRootUrl: lmsRootUrlsOf(env),
  };
  // Caliper actors are pseudonymised like edX users, whatever edX identity the caller chose.
  const caliperPseudonyms: LearnerPseudonymsFor = tenantLearnerPseudonyms(pseudonymKey(env));
  return createNestApp(ClickstreamGatewayModule.forRoot(env, identity, caliperPseudonyms), {
    env,
    app: APP_NAME,
    port: env.CLICKSTREAM_GATEWAY_PORT,
    configure: (app) => {
      configureHttp(app, env);
    },
  });
}
