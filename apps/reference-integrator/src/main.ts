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
    server.close();
    await integrator.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
