import { createServer } from 'node:http';
import { loadIntegratorConfig } from './integrator-config';
import { ReferenceIntegrator } from './reference-integrator';

/* eslint-disable no-console -- a small standalone example: it logs JSON lines to stdout like the services do. */
const log = (level: 'info' | 'warn') => (msg: string) =>
  console.log(JSON.stringify({ level, time: new Date().toISOString(), service: 'reference-integrator', msg }));

async function main(): Promise<void> {
  const config = loadIntegratorConfig(process.env);
  const integrator = new ReferenceIntegrator(config, { info: log('info'), warn: log('warn') });
  await integrator.start();
  // GET /health, so launchers and orchestrators can wait for it like for the services.
  const server = createServer((req, res) => {
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
