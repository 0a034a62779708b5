import { startTracing } from './tracing';
import { createServer } from 'node:http';
import { loadIntegratorConfig } from './integrator-config';
import { IntegratorMetrics } from './integrator-metrics';
import { ReferenceIntegrator } from './reference-integrator';

/* eslint-disable no-console -- a small standalone example: it logs JSON lines to stdout like the services do. */
const log = (level: 'info' | 'warn') => (msg: string) =>
  console.log(JSON.stringify({ level, time: new Date().toISOString(), service: 'reference-integrator', msg }));

const tracing = startTracing('reference-integrator');

async function main(): Promise<void> {
  const config = loadIntegratorConfig(process.env);
  const metrics = new IntegratorMetrics();
  const integrator = new ReferenceIntegrator(config, { info: log('info'), warn: log('warn') }, metrics);
  await integrator.start();
  // GET /health, so launchers and orchestrators can wait for it like for the services; GET /metrics for Prometheus.
  const server = createServer((req, res) => {
    if (req.url === '/metrics') {
      void metrics.registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      });
      return;
    }
    res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', answered: integrator.answered }));
  }).listen(config.PORT, config.HOST);
  const stop = async () => {
    setTimeout(() => {
      log('warn')(`shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    server.close();
    server.closeIdleConnections();
    try {
      // The SDK finishes the batch in flight, commits it and leaves the group, so its partitions move at once.
      await integrator.stop();
      // Spans still queued are sent before the process ends.
      await tracing.shutdown();
    } catch (error) {
      log('warn')(`could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
