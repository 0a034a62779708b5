import { readFileSync } from 'node:fs';
import { ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { loggingModule } from '@nhi/runtime';
import { ActorForwardingDataSource, GatewayContext } from './auth/actor-forwarding.data-source';
import { Authenticator } from './auth/authenticator';
import { GatewayConfig, SubgraphName, subgraphUrls } from './config';
import { GATEWAY_CONFIG } from './gateway-config.token';
import { SubgraphHealthController } from './health/subgraph-health.controller';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, options: { publicKeyPem?: string } = {}): DynamicModule {
    const authenticator = new Authenticator(config, options.publicKeyPem);
    const urls = subgraphUrls(config);
    const production = config.NODE_ENV === 'production';
    return {
      module: GatewayModule,
      imports: [
        loggingModule({ service: 'gateway', level: config.LOG_LEVEL }),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            introspection: !production,
            includeStacktraceInErrorResponses: !production,
            context: async ({ req }: { req: Request }): Promise<GatewayContext> => ({
              actor: await authenticator.authenticate(req.headers.authorization),
            }),
          },
          gateway: {
            // Composed at build time from the committed subgraph SDLs; nothing is introspected at start.
            supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
            buildService: ({ name, url }) =>
              new ActorForwardingDataSource(
                urls[name as SubgraphName] ?? url ?? '',
                config.ACTOR_SIGNING_KEY,
                config.ACTOR_HEADER_TTL_SECONDS,
              ),
          },
        }),
      ],
      controllers: [SubgraphHealthController],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
    };
  }
}
