import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PRODUCTION_ENV, PRODUCTION_NODE_ARGS } from '@nhi/launcher';
import { WORKSPACE_ROOT } from '../dev-paths';
import { dockerInstructions, dockerStages, loadDockerStages, Stage } from './images-dockerfile';
import { IMAGE_PLANS } from './images-plan';

/** infra/docker/Dockerfile, the one recipe every app's image is built from (ADR 0030). */
const stages = loadDockerStages();
const runtime = stages.at(-1) as Stage;
const build = stages.find((stage) => stage.name === 'build');
const runtimeArgs = (keyword: string) => runtime.instructions.filter((instruction) => instruction.keyword === keyword).map((i) => i.args);
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(WORKSPACE_ROOT, file), 'utf8')) as T;

/** ENV lines' NAME=value pairs (values may be quoted). */
function environment(stage: Stage): Map<string, string> {
  const variables = new Map<string, string>();
  for (const args of stage.instructions.filter((instruction) => instruction.keyword === 'ENV').map((instruction) => instruction.args)) {
    for (const match of args.matchAll(/(\w+)=("[^"]*"|\S+)/g))
      variables.set(match[1] as string, (match[2] as string).replace(/^"|"$/g, ''));
  }
  return variables;
}

describe('the app image recipe (infra/docker/Dockerfile)', () => {
  it('builds in one stage and runs in another, both on a pinned Node 24 release that package.json accepts', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['build', 'runtime']);
    const { engines } = readJson<{ engines: { node: string } }>('package.json');
    const [, low = '', high = ''] = /^>=(\S+) <(\d+)$/.exec(engines.node) ?? [];
    for (const stage of stages) {
      const version = /^node:(\d+)\.(\d+)\.(\d+)-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/.exec(stage.from);
      expect({ stage: stage.name, from: stage.from, pinned: version !== null }).toEqual({
        stage: stage.name,
        from: stage.from,
        pinned: true,
      });
      const [major, minor, patch] = (version ?? []).slice(1, 4).map(Number) as [number, number, number];
      const [lowMajor, lowMinor, lowPatch] = low.split('.').map(Number) as [number, number, number];
      expect(major).toBeLessThan(Number(high));
      expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(lowMajor * 1e6 + lowMinor * 1e3 + lowPatch);
    }
  });

  it('runs as a non-root user, copying only the bundle (and the migrate launcher) from the build stage', () => {
    const users = runtimeArgs('USER');
    expect(users.at(-1)).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(runtimeArgs('ADD')).toEqual([]);
    expect(runtimeArgs('COPY')).toEqual([
      '--from=build /src/dist/apps/${APP}/ /app/',
      '--from=build /src/infra/docker/migrate.sh /usr/local/bin/migrate',
    ]);
    // The bundle comes out of the build stage's own nx build, from sources with a clean install.
    const buildSteps = (build?.instructions ?? []).map((instruction) => `${instruction.keyword} ${instruction.args}`);
    expect(buildSteps).toEqual(
      expect.arrayContaining([
        'RUN npm install --no-audit --no-fund',
        'RUN npx nx build "${APP}" --skip-nx-cache',
        'RUN cd "dist/apps/${APP}" && npm install --omit=dev --no-audit --no-fund',
      ]),
    );
  });

  it('starts node main.js on the port it exposes, probes /health, and runs with the production settings of ADR 0020', () => {
    expect(runtimeArgs('CMD')).toEqual(['["node", "main.js"]']);
    expect(runtimeArgs('EXPOSE')).toEqual(['${PORT}']);
    expect(runtimeArgs('HEALTHCHECK').join(' ')).toMatch(/CMD \["node", "-e", ".*process\.env\.PORT \+ '\/health'/);
    const variables = environment(runtime);
    expect(Object.fromEntries(variables)).toEqual({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '${PORT}',
      NODE_OPTIONS: PRODUCTION_NODE_ARGS.join(' '),
      ...PRODUCTION_ENV,
    });
  });

  it('has a build for every app it is given, in the folder it copies from', () => {
    for (const { app } of IMAGE_PLANS) {
      const project = readJson<{ targets: { build?: { options?: { outputPath?: string } } } }>(`apps/${app}/project.json`);
      expect({ app, output: project.targets.build?.options?.outputPath }).toEqual({ app, output: `dist/apps/${app}` });
    }
  });

  it('keeps local builds, dependencies and state out of the build context', () => {
    const ignored = readFileSync(path.join(WORKSPACE_ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', 'dist', '.nx', '.data', '.git', '.env']));
  });

  it('reads base images from the ARGs before the first FROM', () => {
    const text = 'ARG BASE=node:24.1.0-trixie-slim\n# note\nFROM ${BASE} AS one\nRUN a \\\n  b\nFROM one\n';
    expect(dockerStages(text)).toEqual([
      { from: 'node:24.1.0-trixie-slim', name: 'one', instructions: [{ keyword: 'RUN', args: 'a b' }] },
      { from: 'one', instructions: [] },
    ]);
    expect(dockerInstructions('run x')).toEqual([{ keyword: 'RUN', args: 'x' }]);
  });
});
