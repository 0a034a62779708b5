import path from 'node:path';
import { PRODUCTION_ENV, PRODUCTION_NODE_ARGS } from '@nhi/launcher';
import { AppEnvSchema } from './app-env-schemas';
import { variableDescriptions } from './env-descriptions';
import { READ_OUTSIDE_SCHEMAS } from './env-outside-schemas';
import { EnvVariable, envVariables } from './env-variables';

const PRODUCTION: NodeJS.ProcessEnv = { NODE_ENV: 'production' };

/** One line of a .env.example: a variable, what it is, and what it falls back to here and in production. */
export interface EnvExampleEntry extends EnvVariable {
  description: string;
  production: EnvVariable;
}

/** Where an app's committed .env.example lives. */
export function envExamplePath(root: string, app: string): string {
  return path.join(root, 'apps', app, '.env.example');
}

/**
 * Defaults that name a place under the working directory (the dev keys, the
 * supergraph) are computed from process.cwd(): written relative to it, so the
 * file says the same on every machine, as the app reads it from its own.
 */
function relativeToWorkingDirectory(variable: EnvVariable): EnvVariable {
  const cwd = process.cwd() + path.sep;
  const fallback = variable.fallback?.startsWith(cwd) ? `./${variable.fallback.slice(cwd.length)}` : variable.fallback;
  return { ...variable, fallback };
}

/** The app's variables with their descriptions; names every variable that has none, so the generator never guesses. */
export function envExampleEntries(root: string, schema: AppEnvSchema): EnvExampleEntry[] {
  const describe = variableDescriptions(root, schema.documentedIn);
  const production = new Map(envVariables(schema.shape(PRODUCTION)).map((v) => [v.name, relativeToWorkingDirectory(v)]));
  const entries = envVariables(schema.shape({})).map(relativeToWorkingDirectory);
  const undescribed = entries.filter((v) => !describe(v.name)).map((v) => v.name);
  if (undescribed.length > 0) {
    throw new Error(
      `${schema.app}: no description for ${undescribed.join(', ')}: give each a /** comment */ in its schema (or an entry in tools/deploy/env-descriptions.ts)`,
    );
  }
  const fromSchema = entries.map((v) => ({ ...v, description: describe(v.name) ?? '', production: production.get(v.name) ?? v }));
  return [...fromSchema, ...outsideEntries(schema.app, new Set(entries.map((v) => v.name)))];
}

/** What the app reads outside its schema, unless its schema has taken the variable over since. */
function outsideEntries(app: string, inSchema: ReadonlySet<string>): EnvExampleEntry[] {
  return READ_OUTSIDE_SCHEMAS.filter((v) => v.apps.includes(app) && !inSchema.has(v.name)).map(({ name, description, fallback }) => {
    const variable = { name, fallback, required: false };
    return { ...variable, description: `${description} (Read outside the config schema.)`, production: variable };
  });
}

function status(entry: EnvExampleEntry): string {
  if (entry.required) return 'REQUIRED, no default. ';
  if (entry.production.required) return 'REQUIRED in production (NODE_ENV=production). ';
  if (entry.fallback === undefined) return 'Optional, unset by default. ';
  return '';
}

function productionNote(entry: EnvExampleEntry): string {
  const { fallback } = entry.production;
  if (entry.production.required || fallback === entry.fallback) return '';
  return fallback === undefined ? ' In production: unset.' : ` In production the default is ${fallback === '' ? 'empty' : fallback}.`;
}

function renderEntry(entry: EnvExampleEntry): string {
  return `# ${status(entry)}${entry.description}${productionNote(entry)}\n${entry.name}=${entry.fallback ?? ''}\n`;
}

/** Read by Node and glibc, not by the app: the production settings of ADR 0020, which an image should set. */
function runtimeSection(): string {
  const arenas = PRODUCTION_ENV['MALLOC_ARENA_MAX'] ?? '';
  return [
    '# --- Read by the runtime, not by the app: the production settings of ADR 0020 (recommended values, not defaults).',
    '# glibc memory arenas per process; unset, glibc allows 8 per core and a Node process grows for nothing.',
    `MALLOC_ARENA_MAX=${arenas}`,
    "# Node's flags: a heap ceiling and young-generation size for one service (libs/launcher PRODUCTION_NODE_ARGS). Env-file form: quote it in a shell.",
    `NODE_OPTIONS=${PRODUCTION_NODE_ARGS.join(' ')}`,
    '',
  ].join('\n');
}

/** The whole .env.example of one app, as committed. */
export function renderEnvExample(root: string, schema: AppEnvSchema): string {
  const header = [
    `# ${schema.app}: every environment variable it reads, with its default.`,
    '# Generated from the config schema by `npm run env:example`; a unit test fails when it drifts (ADR 0029).',
    '# NAME= with nothing after "=" means no default: set it, or leave the line out.',
    '',
    '',
  ].join('\n');
  return `${header}${envExampleEntries(root, schema).map(renderEntry).join('\n')}\n${runtimeSection()}`;
}
