import './tracing';
import { bootstrapSubgraph, RunningService, runMain } from '@nhi/runtime';
import { DEFAULT_PORT, lifecycleModule, SERVICE } from './app.module';

/** Starts the lifecycle subgraph; tests call this in-process with their own environment. */
export function bootstrap(env?: Record<string, string>, handleSignals = env === undefined): Promise<RunningService> {
  return bootstrapSubgraph({ service: SERVICE, defaultPort: DEFAULT_PORT, module: lifecycleModule, env, handleSignals });
}

if (require.main === module) runMain(() => bootstrap());
