import './tracing';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { installGracefulShutdown, malformedBodyHandler, RouteNotFoundFilter, runMain } from '@nhi/runtime';
import { traceContextMiddleware } from '@nhi/tracing';
import { GatewayModule, GatewayOptions } from './app.module';
import { GatewayConfig, loadGatewayConfig } from './config';
import { corsOptions } from './cors-options';
import { payloadTooLargeHandler } from './limits/payload-too-large';

export interface RunningGateway {
  url: string;
  config: GatewayConfig;
  close(): Promise<void>;
}

/** Starts the gateway; tests call this in-process with their own environment and public key. */
export async function bootstrap(env?: Record<string, string>, options: GatewayOptions = {}): Promise<RunningGateway> {
  const config = loadGatewayConfig({ ...process.env, ...env });
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config, options), {
    bufferLogs: true,
    abortOnError: false,
    // A request that arrives once shutdown has begun is answered 503 (Connection: close), never started.
    return503OnClosing: true,
  });
  app.useLogger(app.get(Logger));
  // The client address that failed authentications are counted against: behind a load balancer, its forwarded one.
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.enableCors(corsOptions(config));
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  // Right after the parser: an oversized body gets a JSON 413 naming BODY_LIMIT.
  app.use(payloadTooLargeHandler(config.BODY_LIMIT));
  app.use(malformedBodyHandler());
  // The caller's traceparent, when no span continues it (tracing off): after the body parser, the rest runs inside it.
  app.use(traceContextMiddleware());
  app.useGlobalFilters(new RouteNotFoundFilter());
  if (env === undefined) installGracefulShutdown(app, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.PORT, config.HOST);
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://${config.HOST}:${port}`;
  app.get(Logger).log(`gateway listening on ${url}/graphql`);
  return { url, config, close: () => app.close() };
}

if (require.main === module) runMain(() => bootstrap());
