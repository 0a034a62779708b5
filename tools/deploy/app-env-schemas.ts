/* eslint-disable @nx/enforce-module-boundaries -- each app's environment schema lives in the app; the .env.example
   generator reads those schemas (data: no app is started, nothing else of it is imported). ADR 0029. */
import { jwtEnvShape, loadConfig, subgraphEnvShape, z } from '@nhi/config';
import { exceptionsEnvShape, loadExceptionsConfig } from '../../apps/exceptions/src/exceptions-config';
import { gatewayEnvShape, gatewayLimitsEnvShape, loadGatewayConfig, SUBGRAPHS } from '../../apps/gateway/src/config';
import { inventoryEnvShape, loadInventoryConfig } from '../../apps/inventory/src/inventory-config';
import { lifecycleEnvShape, loadLifecycleConfig } from '../../apps/lifecycle/src/lifecycle-config';
import { loadMetricsConfig, metricsEnvShape } from '../../apps/metrics/src/metrics-config';
import { loadOwnershipConfig, ownershipEnvShape } from '../../apps/ownership/src/ownership-config';
import { integratorEnv, loadIntegratorConfig } from '../../apps/reference-integrator/src/integrator-config';
/* eslint-enable @nx/enforce-module-boundaries */

/** What a deployable app reads from its environment, and where the schema's comments are. */
export interface AppEnvSchema {
  app: string;
  /** The schema as the app builds it for this environment (some defaults and rules depend on NODE_ENV). */
  shape(environment: NodeJS.ProcessEnv): z.ZodRawShape;
  /**
   * The app's loaders, called as the app calls them at start. The spec hands
   * them an environment that records what they read (so a variable shape()
   * misses is caught) and the .env.example as an env file gives it (which they must take).
   */
  loaders: Array<(environment: NodeJS.ProcessEnv) => unknown>;
  /** Source files whose /** comments *\/ describe its variables, the app's own first. */
  documentedIn: string[];
}

const LIBS_CONFIG = ['libs/config/src'];

function subgraph(
  app: (typeof SUBGRAPHS)[number]['name'],
  own: (environment: NodeJS.ProcessEnv) => z.ZodRawShape,
  loadOwn: (environment: NodeJS.ProcessEnv) => unknown,
  configFile: string,
): AppEnvSchema {
  const port = SUBGRAPHS.find((entry) => entry.name === app)?.port ?? 0;
  return {
    app,
    shape: (environment) => ({ ...subgraphEnvShape(app, port), ...own(environment) }),
    // libs/runtime's bootstrapSubgraph reads the shared part, then the app's module its own.
    loaders: [(environment) => loadConfig(app, subgraphEnvShape(app, port), environment), loadOwn],
    documentedIn: [`apps/${app}/src/${configFile}`, ...LIBS_CONFIG],
  };
}

export const APP_ENV_SCHEMAS: readonly AppEnvSchema[] = [
  subgraph('inventory', (e) => ({ ...inventoryEnvShape, ...jwtEnvShape(e) }), loadInventoryConfig, 'inventory-config.ts'),
  subgraph('ownership', () => ownershipEnvShape, loadOwnershipConfig, 'ownership-config.ts'),
  subgraph('lifecycle', () => lifecycleEnvShape, loadLifecycleConfig, 'lifecycle-config.ts'),
  subgraph('exceptions', () => exceptionsEnvShape, loadExceptionsConfig, 'exceptions-config.ts'),
  subgraph('metrics', (e) => ({ ...metricsEnvShape, ...jwtEnvShape(e) }), loadMetricsConfig, 'metrics-config.ts'),
  {
    app: 'gateway',
    // As loadGatewayConfig builds it.
    shape: (e) => ({ ...gatewayEnvShape, ...jwtEnvShape(e), ...gatewayLimitsEnvShape(e) }),
    loaders: [loadGatewayConfig],
    documentedIn: ['apps/gateway/src/config.ts', ...LIBS_CONFIG],
  },
  {
    app: 'reference-integrator',
    shape: () => integratorEnv.shape,
    loaders: [loadIntegratorConfig],
    documentedIn: ['apps/reference-integrator/src/integrator-config.ts'],
  },
];
