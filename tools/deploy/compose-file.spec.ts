import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from '../dev-paths';
import {
  COMPOSE_PATH,
  composeSchemaProblems,
  containerEnvironment,
  environmentEntries,
  loadCompose,
  parseCompose,
  parseEnvFile,
} from './compose-file';
import { IMAGE_PLANS, imageName } from './images-plan';

/** docker-compose.yml: the whole platform, each app with every variable its .env.example lists (ADR 0030). */
const compose = loadCompose();
const envExample = (app: string) => parseEnvFile(readFileSync(path.join(WORKSPACE_ROOT, 'apps', app, '.env.example'), 'utf8'));
const SUBGRAPHS = IMAGE_PLANS.filter((plan) => plan.database);
/** Browser origins: addresses a browser on the host uses, not ones the app connects to. */
const NOT_AN_ADDRESS = new Set(['CORS_ORIGINS']);

/** Each app's container and, for a service with a database, its migrate container. */
const containers = IMAGE_PLANS.flatMap((plan) => [
  { app: plan.app, service: plan.app },
  ...(plan.database ? [{ app: plan.app, service: `${plan.app}-migrate` }] : []),
]);

describe('docker-compose.yml', () => {
  it('follows the Compose Specification, and a misspelt key fails it', () => {
    expect(compose.name).toBe('nhi-platform');
    expect(composeSchemaProblems(compose)).toEqual([]);

    const broken = parseCompose(readFileSync(COMPOSE_PATH, 'utf8'));
    (broken.services['gateway'] as Record<string, unknown>)['depend_on'] = {};
    expect(composeSchemaProblems(broken)).toContain('/services/gateway: must NOT have additional properties (depend_on)');
  });

  it('runs every app from its image, built by infra/docker/Dockerfile with its APP and PORT', () => {
    for (const { app, port } of IMAGE_PLANS) {
      const service = compose.services[app];
      expect({ app, image: service?.image?.replace('${NHI_TAG:-local}', 'local') }).toEqual({ app, image: imageName(app) });
      expect({ app, build: service?.build }).toEqual({
        app,
        build: { context: '.', dockerfile: 'infra/docker/Dockerfile', args: { APP: app, PORT: String(port) } },
      });
    }
  });

  it("gives each app's containers every variable of its .env.example", () => {
    const missing = containers.flatMap(({ app, service }) => {
      const environment = containerEnvironment(compose.services[service] ?? {});
      return [...envExample(app).keys()].filter((name) => !environment.has(name)).map((name) => `${service} (${app}): ${name}`);
    });
    expect(missing).toEqual([]);
  });

  it('sets only variables the app reads, and leaves none it connects to on the loopback address', () => {
    const problems = containers.flatMap(({ app, service }) => {
      const known = envExample(app);
      const own = [...environmentEntries(compose.services[service] ?? {}).keys()];
      const unknown = own.filter((name) => !known.has(name)).map((name) => `${service} (${app}): ${name} is not in its .env.example`);
      const loopback = [...containerEnvironment(compose.services[service] ?? {})]
        .filter(([name, value]) => !NOT_AN_ADDRESS.has(name) && /\b(127\.0\.0\.1|localhost)\b|\[::1\]/.test(value))
        .map(([name]) => `${service} (${app}): ${name} points at the container itself`);
      return [...unknown, ...loopback];
    });
    expect(problems).toEqual([]);
  });

  it('migrates each database once, in a database the init script creates, before its service starts', () => {
    const initScript = readFileSync(path.join(WORKSPACE_ROOT, 'infra/compose/postgres-init.sql'), 'utf8');
    for (const { app } of SUBGRAPHS) {
      const migrate = compose.services[`${app}-migrate`];
      const service = compose.services[app];
      expect({ app, command: migrate?.command, image: migrate?.image }).toEqual({ app, command: ['migrate'], image: service?.image });
      expect({ app, dependsOn: service?.depends_on?.[`${app}-migrate`]?.condition }).toEqual({
        app,
        dependsOn: 'service_completed_successfully',
      });
      expect({ app, migrations: containerEnvironment(service ?? {}).get('DATABASE_MIGRATIONS') }).toEqual({ app, migrations: 'skip' });
      const database = new URL(containerEnvironment(migrate ?? {}).get('DATABASE_URL') ?? '').pathname.slice(1);
      expect({ app, database }).toEqual({ app, database: `nhi_${app}` });
      expect(containerEnvironment(service ?? {}).get('DATABASE_URL')).toBe(containerEnvironment(migrate ?? {}).get('DATABASE_URL'));
      expect(initScript).toContain(`CREATE DATABASE ${database};`);
    }
  });

  it('checks every app on /health and starts the gateway after healthy subgraphs', () => {
    for (const { app } of IMAGE_PLANS) {
      expect({ app, test: compose.services[app]?.healthcheck?.test.join(' ') }).toEqual({ app, test: expect.stringContaining('/health') });
    }
    const gatewayDependsOn = compose.services['gateway']?.depends_on ?? {};
    for (const { app } of SUBGRAPHS)
      expect({ app, condition: gatewayDependsOn[app]?.condition }).toEqual({ app, condition: 'service_healthy' });
  });

  it('runs a single-node KRaft Kafka whose listener for containers is the one the apps use, and pins every image it pulls', () => {
    const kafka = environmentEntries(compose.services['kafka'] ?? {});
    expect(compose.services['kafka']?.image).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
    expect(kafka.get('KAFKA_PROCESS_ROLES')).toBe('broker,controller');
    const advertised = (kafka.get('KAFKA_ADVERTISED_LISTENERS') ?? '').split(',').map((listener) => listener.replace(/^\w+:\/\//, ''));
    for (const { app } of IMAGE_PLANS.filter((plan) => plan.app !== 'gateway')) {
      expect({ app, broker: advertised.includes(containerEnvironment(compose.services[app] ?? {}).get('KAFKA_BROKERS') ?? '') }).toEqual({
        app,
        broker: true,
      });
    }
    for (const name of ['kafka', 'postgres', 'redis']) {
      expect({ name, image: compose.services[name]?.image }).toEqual({ name, image: expect.stringMatching(/:\d+\.\d+(\.\d+)?-?[a-z]*$/) });
    }
  });
});
