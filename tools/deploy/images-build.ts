import { spawnSync } from 'node:child_process';
import { WORKSPACE_ROOT } from '../dev-paths';
import { DOCKERFILE_PATH, loadDockerStages } from './images-dockerfile';
import { IMAGE_PLANS, imageName } from './images-plan';

/**
 * `npm run images -- [app ...] [--tag <tag>]`: builds nhi/<app>:<tag> (default tag: local) for every app, or
 * the ones named, from infra/docker/Dockerfile with podman, buildah or docker (NHI_IMAGE_BUILDER picks one).
 * The base image must be in the local store or reachable; NHI_NODE_IMAGE names a mirror's copy. ADR 0030.
 */
const BUILDERS = ['podman', 'buildah', 'docker'] as const;
type Builder = (typeof BUILDERS)[number];

function fail(message: string): never {
  console.error(`npm run images: ${message}`);
  process.exit(1);
}

function run(command: string, args: string[], quiet = false) {
  return spawnSync(command, args, { cwd: WORKSPACE_ROOT, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit' });
}

function chooseBuilder(): Builder {
  const wanted = process.env['NHI_IMAGE_BUILDER'];
  const candidates = wanted ? BUILDERS.filter((builder) => builder === wanted) : BUILDERS;
  if (wanted && candidates.length === 0) fail(`NHI_IMAGE_BUILDER must be one of ${BUILDERS.join(', ')}`);
  const found = candidates.find((builder) => run(builder, ['--version'], true).status === 0);
  return found ?? fail(`none of ${candidates.join(', ')} is installed (apt-get install podman, or buildah)`);
}

/** podman and buildah resolve no short names without a search registry configured: name Docker Hub outright. */
function qualified(image: string): string {
  const first = image.split('/')[0] ?? '';
  if (image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return image;
  return `docker.io/${image.includes('/') ? image : `library/${image}`}`;
}

function ensureBaseImage(builder: Builder, image: string): void {
  const present = builder === 'buildah' ? ['inspect', '--type', 'image', image] : ['image', 'inspect', image];
  if (run(builder, present, true).status === 0) return;
  console.log(`pulling ${image}`);
  const pull = run(builder, ['pull', image], true);
  if (pull.status === 0) return;
  const reason = (pull.stderr || pull.stdout || '').trim().split('\n').at(-1) ?? 'no output';
  fail(
    `cannot get the base image ${image}, and no image is built without it.\n` +
      `  ${builder} said: ${reason}\n` +
      '  Build where that registry is reachable, set NHI_NODE_IMAGE to a mirror that holds the same image, ' +
      `or load it into the local store first (${builder === 'docker' ? 'docker' : 'podman'} load -i node-image.tar).`,
  );
}

function parseArgs(argv: string[]): { apps: string[]; tag: string } {
  const apps: string[] = [];
  let tag = process.env['NHI_TAG'] || 'local';
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--tag') tag = argv[++index] ?? fail('--tag needs a value');
    else if (IMAGE_PLANS.some((plan) => plan.app === arg)) apps.push(arg);
    else fail(`unknown argument ${arg}; apps: ${IMAGE_PLANS.map((plan) => plan.app).join(', ')}`);
  }
  return { apps, tag };
}

function main(): void {
  const { apps, tag } = parseArgs(process.argv.slice(2));
  const builder = chooseBuilder();
  const defaultBase = loadDockerStages()[0]?.from ?? fail(`${DOCKERFILE_PATH} has no FROM`);
  const base =
    builder === 'docker' ? process.env['NHI_NODE_IMAGE'] || defaultBase : qualified(process.env['NHI_NODE_IMAGE'] || defaultBase);
  ensureBaseImage(builder, base);
  for (const plan of IMAGE_PLANS.filter((entry) => apps.length === 0 || apps.includes(entry.app))) {
    const started = Date.now();
    const args = [
      'build',
      // HEALTHCHECK survives only in the docker image format; OCI drops it.
      ...(builder === 'docker' ? [] : ['--format', 'docker']),
      // buildah keeps no intermediate layers unless told: the shared dependency layer is what makes app 2 to 7 quick.
      ...(builder === 'buildah' ? ['--layers'] : []),
      ...['-f', DOCKERFILE_PATH, '--build-arg', `APP=${plan.app}`, '--build-arg', `PORT=${plan.port}`],
      ...['--build-arg', `NODE_IMAGE=${base}`, '-t', imageName(plan.app, tag), WORKSPACE_ROOT],
    ];
    console.log(`building ${imageName(plan.app, tag)} with ${builder}`);
    const build = run(builder, args);
    if (build.status !== 0) fail(`building ${plan.app} failed (exit ${build.status ?? 'signal'})`);
    console.log(`built ${imageName(plan.app, tag)} in ${Math.round((Date.now() - started) / 1000)} s`);
  }
}

main();
