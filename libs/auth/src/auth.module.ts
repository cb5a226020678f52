import type { Environment } from '@learnpulse/config';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { BasicAuthGuard } from './basic-auth.guard';
import { CredentialStore } from './credential-store';

@Global()
@Module({})
export class AuthModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: CredentialStore, useFactory: () => CredentialStore.fromEnvironment(env) },
        BasicAuthGuard,
      ],
      exports: [CredentialStore, BasicAuthGuard],
    };
  }
}
