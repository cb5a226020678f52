/**
 * Tenant auth for an HTTP app: the credential store (environment credentials plus the tenancy
 * topic, followed live) and the guard. The app starts only once the store has read the tenancy
 * topic up to where it ended at start, so a credential added before a start works at once.
 */
import type { Environment } from '@learnpulse/config';
import { createKafka } from '@learnpulse/kafka';
import { LOGGER, type Logger } from '@learnpulse/observability';
import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { BasicAuthGuard } from './basic-auth.guard';
import { BearerTokenGuard } from './bearer-token.guard';
import { CaliperTokenStore } from './caliper-token-store';
import { CredentialStore } from './credential-store';
import { TenancyFollower } from './tenancy-follower';
import { TenancyState } from './tenancy-state';

/** How long a start waits to read the tenancy topic before it fails. */
const CATCH_UP_TIMEOUT_MS = 30_000;

export interface AuthModuleOptions {
  /** Follow the tenancy topic (default true); false serves the environment's credentials only. */
  followTenancyTopic?: boolean;
}

const TENANCY_FOLLOWER = Symbol('learnpulse.auth.tenancy-follower');

async function startFollower(
  env: Environment,
  state: TenancyState,
  logger: Logger,
): Promise<TenancyFollower> {
  const follower = await TenancyFollower.start(
    createKafka(env, 'tenancy', logger),
    env,
    state,
    logger,
  );
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      follower.caughtUp,
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`the tenancy topic was not read within ${CATCH_UP_TIMEOUT_MS} ms`));
        }, CATCH_UP_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    await follower.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  logger.info({ tenants: state.tenants().length }, 'tenancy topic read; following it');
  return follower;
}

@Injectable()
class TenancyShutdown implements OnApplicationShutdown {
  constructor(@Inject(TENANCY_FOLLOWER) private readonly follower: TenancyFollower | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.follower?.stop();
  }
}

@Global()
@Module({})
export class AuthModule {
  static forRoot(env: Environment, options: AuthModuleOptions = {}): DynamicModule {
    const follow = options.followTenancyTopic ?? true;
    return {
      module: AuthModule,
      providers: [
        { provide: TenancyState, useFactory: () => new TenancyState() },
        {
          provide: TENANCY_FOLLOWER,
          useFactory: (state: TenancyState, logger: Logger) =>
            follow ? startFollower(env, state, logger) : null,
          inject: [TenancyState, LOGGER],
        },
        {
          provide: CredentialStore,
          useFactory: (state: TenancyState) => CredentialStore.fromEnvironment(env, state),
          inject: [TenancyState],
        },
        {
          provide: CaliperTokenStore,
          useFactory: () => CaliperTokenStore.fromEnvironment(env),
        },
        TenancyShutdown,
        BasicAuthGuard,
        BearerTokenGuard,
      ],
      exports: [CredentialStore, TenancyState, BasicAuthGuard, CaliperTokenStore, BearerTokenGuard],
    };
  }
}
