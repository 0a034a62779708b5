import { existsSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from '../dev-paths';

/** One container image: the app it runs and the port it listens on (docs/operations.md, "What runs"). */
export interface ImagePlan {
  app: string;
  port: number;
  /** It owns a PostgreSQL database, so its image also answers `migrate` (apps/<app>/src/migrate.ts). */
  database: boolean;
}

const PORTS: Readonly<Record<string, number>> = {
  gateway: 4000,
  inventory: 4001,
  ownership: 4002,
  lifecycle: 4003,
  exceptions: 4004,
  metrics: 4005,
  'reference-integrator': 4006,
};

/** Every deployable app, built from infra/docker/Dockerfile with --build-arg APP and PORT (ADR 0030). */
export const IMAGE_PLANS: readonly ImagePlan[] = Object.entries(PORTS).map(([app, port]) => ({
  app,
  port,
  database: existsSync(path.join(WORKSPACE_ROOT, 'apps', app, 'src', 'migrate.ts')),
}));

/** The image name an app is built and deployed as (compose and the Helm chart's defaults use the same). */
export function imageName(app: string, tag = 'local'): string {
  return `nhi/${app}:${tag}`;
}
