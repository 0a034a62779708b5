import { DynamicModule, INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { actorMiddleware } from '@nhi/auth';
import { ConfigError, loadConfig, SubgraphConfig, subgraphEnvShape } from '@nhi/config';
import { GraphQLErrorPassthroughFilter } from '@nhi/graphql';
import { malformedBodyHandler } from './malformed-body.handler';
import { RouteNotFoundFilter } from './route-not-found.filter';

export interface RunningService {
  app: INestApplication;
  url: string;
  config: SubgraphConfig;
  close(): Promise<void>;
}

export interface SubgraphBootstrapOptions {
  service: string;
  defaultPort: number;
  /** Builds the app; `environment` lets a service read (and validate) variables of its own. */
  module: (config: SubgraphConfig, environment: NodeJS.ProcessEnv) => DynamicModule;
  /** Variables that override the process environment (tests start services in-process with these). */
  env?: Record<string, string>;
  /** Stop on SIGTERM/SIGINT. A process's main does; tests that run several services in one process do not. */
  handleSignals?: boolean;
}

/**
 * Starts one subgraph: validate config, create the app (which migrates its
 * database and connects to Kafka), refuse graph requests that do not come
 * from the gateway, listen, and shut down gracefully on SIGTERM/SIGINT.
 */
export async function bootstrapSubgraph(options: SubgraphBootstrapOptions): Promise<RunningService> {
  const environment = { ...process.env, ...options.env };
  const config = loadConfig(options.service, subgraphEnvShape(options.service, options.defaultPort), environment);
  const app = await NestFactory.create<NestExpressApplication>(options.module(config, environment), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.use(malformedBodyHandler());
  app.use('/graphql', actorMiddleware(config.ACTOR_SIGNING_KEY));
  app.useGlobalFilters(new GraphQLErrorPassthroughFilter(), new RouteNotFoundFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  if (options.handleSignals ?? true) {
    app.enableShutdownHooks();
    installShutdownDeadline(config.SHUTDOWN_TIMEOUT_MS);
  }
  await app.listen(config.PORT, config.HOST);
  const server = app.getHttpServer();
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  // The gateway keeps connections to subgraphs open between requests. Node closes an idle one after 5 s,
  // which can race with the gateway sending the next request on it (a "socket hang up" under load):
  // idle connections stay open longer here than the gateway's pool keeps them.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const address = server.address() as { port: number };
  const url = `http://${config.HOST}:${address.port}`;
  app.get(Logger).log(`${options.service} subgraph listening on ${url}/graphql`);
  return { app, url, config, close: () => app.close() };
}

/** If a graceful stop hangs (a stuck connection), leave anyway rather than never. */
function installShutdownDeadline(timeoutMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`shutdown took longer than ${timeoutMs} ms; exiting\n`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}

/** Entry point for `main.ts`: a config error is printed plainly and exits 1 instead of a stack trace. */
export function runMain(start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  });
}
