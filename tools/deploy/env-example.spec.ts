import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { env, z } from '@nhi/config';
import { WORKSPACE_ROOT } from '../dev-paths';
import { APP_ENV_SCHEMAS } from './app-env-schemas';
import { documentedVariables } from './env-descriptions';
import { envExampleDrift } from './env-example-drift';
import { envExampleEntries, envExamplePath, renderEnvExample } from './env-example';
import { envVariable } from './env-variables';

/** Production code, where a variable read outside a schema would be missed by the generator. */
function productionSources(dir: string): string[] {
  const skipped = /^(test|test-support|cli|bench|node_modules)$/;
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return skipped.test(name) ? [] : productionSources(full);
    return name.endsWith('.ts') && !/\.(spec|integration-spec|e2e-spec)\.ts$/.test(name) ? [full] : [];
  });
}

/** Valid stand-ins for the variables that have no default, to show the rest of a .env.example is taken as it is. */
const REQUIRED_SAMPLES: Readonly<Record<string, string>> = { ACTOR_SIGNING_KEY: 'k'.repeat(32) };

function parseEnvFile(text: string): Record<string, string> {
  const lines = text.split('\n').filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line));
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describe('.env.example', () => {
  beforeAll(() => process.chdir(WORKSPACE_ROOT));

  it.each(APP_ENV_SCHEMAS.map((schema) => [schema.app, schema] as const))('of %s is what its config schema gives', (app, schema) => {
    const committed = readFileSync(envExamplePath(WORKSPACE_ROOT, app), 'utf8');
    expect(envExampleDrift(app, committed, renderEnvExample(WORKSPACE_ROOT, schema))).toEqual([]);
  });

  it.each(APP_ENV_SCHEMAS.map((schema) => [schema.app, schema] as const))(
    'of %s lists everything the app’s own loader reads',
    (_app, schema) => {
      const read = new Set<string>();
      const recording = new Proxy({} as NodeJS.ProcessEnv, {
        get: (_target, name) => {
          if (typeof name === 'string') read.add(name);
          return undefined;
        },
      });
      for (const load of schema.loaders) {
        try {
          load(recording);
        } catch {
          // Refused for what is required and unset: what it read is recorded all the same.
        }
      }
      const listed = Object.keys(schema.shape({}));
      expect([...read].filter((name) => /^[A-Z][A-Z0-9_]*$/.test(name) && !listed.includes(name))).toEqual([]);
      expect(read.size).toBeGreaterThan(0);
    },
  );

  it.each(APP_ENV_SCHEMAS.map((schema) => [schema.app, schema] as const))(
    'of %s, used as an env file with its required variables filled in, is taken by the app’s loaders',
    (app, schema) => {
      // As docker compose's env_file or a ConfigMap sets it: NAME= is an empty value, not an absent one.
      const fromFile = parseEnvFile(readFileSync(envExamplePath(WORKSPACE_ROOT, app), 'utf8'));
      const required = envExampleEntries(WORKSPACE_ROOT, schema).filter((entry) => entry.required);
      expect(required.map((entry) => entry.name).filter((name) => !(name in REQUIRED_SAMPLES))).toEqual([]);
      const environment = { ...fromFile, ...Object.fromEntries(required.map((entry) => [entry.name, REQUIRED_SAMPLES[entry.name]])) };
      for (const load of schema.loaders) expect(() => load(environment)).not.toThrow();
    },
  );

  it('lists every variable that production code reads by name outside a schema', () => {
    const listed = new Set(
      APP_ENV_SCHEMAS.flatMap(
        (schema) => readFileSync(envExamplePath(WORKSPACE_ROOT, schema.app), 'utf8').match(/^[A-Z][A-Z0-9_]*(?==)/gm) ?? [],
      ),
    );
    const roots = [
      ...readdirSync(path.join(WORKSPACE_ROOT, 'apps'))
        .filter((app) => app !== 'platform-e2e')
        .map((app) => path.join(WORKSPACE_ROOT, 'apps', app, 'src')),
      // The test harness and the local launcher are not deployed.
      ...readdirSync(path.join(WORKSPACE_ROOT, 'libs'))
        .filter((lib) => !['testing', 'launcher'].includes(lib))
        .map((lib) => path.join(WORKSPACE_ROOT, 'libs', lib, 'src')),
    ];
    const unlisted = roots.flatMap(productionSources).flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /(?:process\.env|environment|source)(?:\[['"]([A-Z][A-Z0-9_]*)['"]\]|\.([A-Z][A-Z0-9_]*)\b)/g,
        ),
      ]
        .map((match) => match[1] ?? match[2] ?? '')
        .filter((name) => !listed.has(name))
        .map((name) => `${path.relative(WORKSPACE_ROOT, file)} reads ${name}`),
    );
    expect(unlisted).toEqual([]);
  });
});

describe('envExampleDrift', () => {
  const generated = '# header\n\n# The port.\nPORT=4001\n\n# The new one.\nNEW_ONE=\n';

  it('names the app and each variable that is missing, gone or changed', () => {
    const committed = '# header\n\n# The port.\nPORT=4000\n\n# Dropped since.\nOLD_ONE=x\n';
    expect(envExampleDrift('inventory', committed, generated)).toEqual([
      'inventory: .env.example lacks NEW_ONE, which the schema reads',
      'inventory: .env.example lists OLD_ONE, which the schema no longer reads',
      'inventory: PORT has another default or description in the schema',
    ]);
  });

  it('says so when only the layout differs, and nothing when the text is the same', () => {
    expect(envExampleDrift('gateway', generated.replace('# header', '# edited'), generated)).toEqual([
      'gateway: .env.example differs from the schema in order or layout',
    ]);
    expect(envExampleDrift('gateway', generated, generated)).toEqual([]);
  });
});

describe('envVariable', () => {
  it('reads the input default through transforms and refinements', () => {
    expect(envVariable('KAFKA_BROKERS', env.hostPorts('127.0.0.1:9092'))).toEqual({
      name: 'KAFKA_BROKERS',
      fallback: '127.0.0.1:9092',
      required: false,
    });
    expect(envVariable('FLAG', env.boolean(true)).fallback).toBe('true');
    expect(envVariable('PORT', env.port(4001)).fallback).toBe('4001');
    expect(envVariable('EMPTY', z.string().default('')).fallback).toBe('');
  });

  it('tells a required variable from an optional one', () => {
    expect(envVariable('ACTOR_SIGNING_KEY', env.secret(32))).toEqual({ name: 'ACTOR_SIGNING_KEY', fallback: undefined, required: true });
    expect(envVariable('JWT_JWKS_URL', env.url(['https']).optional())).toEqual({
      name: 'JWT_JWKS_URL',
      fallback: undefined,
      required: false,
    });
  });
});

describe('documentedVariables', () => {
  it('joins a schema entry’s comment onto one line and ignores other comments', () => {
    const source = `/** Not a variable. */\nexport function x() {\n  return {\n    /**\n     * First line,\n     * second line.\n     */\n    ONE: env.string('a'),\n    TWO: env.string('b'),\n  };\n}`;
    expect([...documentedVariables(source)]).toEqual([['ONE', 'First line, second line.']]);
  });
});
