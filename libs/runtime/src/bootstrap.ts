import { DynamicModule, INestApplication, Logger as NestLogger, ValidationPipe } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { actorMiddleware } from '@nhi/auth';
import { ConfigError, loadConfig, SubgraphConfig, subgraphEnvShape } from '@nhi/config';
import { GraphQLErrorPassthroughFilter } from '@nhi/graphql';
import { malformedBodyHandler } from './malformed-body.handler';
import { traceContextMiddleware } from '@nhi/tracing';
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
  /** Stop gracefully on SIGTERM, SIGINT or SIGHUP. A process's main does; tests that run several services in one process do not. */
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
    // A request that arrives once shutdown has begun is answered 503 (Connection: close), never started.
    return503OnClosing: true,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.use(malformedBodyHandler());
  // The caller's traceparent, when no span continues it (tracing off): after the body parser, the rest runs inside it.
  app.use(traceContextMiddleware());
  app.use('/graphql', actorMiddleware(config.ACTOR_SIGNING_KEY));
  app.useGlobalFilters(new GraphQLErrorPassthroughFilter(), new RouteNotFoundFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  if (options.handleSignals ?? true) installGracefulShutdown(app, config.SHUTDOWN_TIMEOUT_MS);
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

/** An orchestrator's stop, Ctrl-C, a closed terminal: what asks a service to stop. */
const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * On SIGTERM, SIGINT or SIGHUP, Nest's shutdown, then exit 0. New requests are refused at
 * once (an app created with return503OnClosing answers 503 until Apollo's
 * drain closes the listener); the consumer and periodic jobs stop taking work
 * at the signal, while the drain answers the requests in flight and closes
 * their connections;
 * the relay and the database go last. Exit 1 when a hook fails or the whole
 * takes longer than timeoutMs: a stuck stop must not hold the process for
 * ever, and what it leaves undone (an open transaction, an uncommitted offset)
 * is rolled back or redelivered.
 */
export function installGracefulShutdown(app: INestApplication, timeoutMs: number): void {
  for (const signal of SHUTDOWN_SIGNALS) {
    process.once(signal, () => {
      new NestLogger('Shutdown').log(`${signal}: stopping; exits 1 unless stopped within ${timeoutMs} ms`);
      stopTakingWork(app);
      setTimeout(() => {
        process.stderr.write(`shutdown took longer than ${timeoutMs} ms; exiting\n`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
  // process.exit(0) once done; by default Nest raises the signal again, and the process ends by it, not with 0.
  app.enableShutdownHooks(SHUTDOWN_SIGNALS, { useProcessExit: true });
}

/**
 * Tells every provider with a stopTakingWork() method (the consumer, periodic
 * jobs) at the signal itself. Nest's onModuleDestroy comes module by module,
 * global modules (messaging) last, after the GraphQL module's, which waits for
 * Apollo's drain of the requests in flight: up to 10 s more of Kafka batches,
 * and a group left late or, past the deadline, not at all.
 */
function stopTakingWork(app: INestApplication): void {
  for (const module of app.get(ModulesContainer).values()) {
    for (const { instance } of module.providers.values()) {
      const provider = instance as { stopTakingWork?: unknown } | undefined;
      if (typeof provider?.stopTakingWork === 'function') provider.stopTakingWork();
    }
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
