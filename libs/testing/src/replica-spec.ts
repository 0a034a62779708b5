import type { StartedApp, SubgraphBootstrap } from './subgraph-under-test';
import { subgraphSpec, type SubgraphSpec, type SubgraphSpecOptions } from './subgraph-spec';

export interface ReplicaSpec<App extends StartedApp> extends SubgraphSpec {
  /** The two instances, on one database and one consumer group, as two replicas; the first is the one `subgraph` calls. */
  readonly instances: readonly App[];
  /** `step` of each instance twice, all at once (four runs racing); returns their results. */
  everywhere<T>(step: (instance: App) => Promise<T>): Promise<T[]>;
}

/**
 * subgraphSpec with a second instance of the service started beside the first,
 * for what must happen once across replicas (periodic jobs, deadlines). Turn
 * the service's own timers off in `env`: the test runs the instances' steps.
 */
export function replicaSpec<App extends StartedApp>(
  label: string,
  bootstrap: (env: Record<string, string>, handleSignals: boolean) => Promise<App>,
  options: SubgraphSpecOptions = {},
): ReplicaSpec<App> {
  const instances: App[] = [];
  const both: SubgraphBootstrap = async (env, handleSignals) => {
    const first = await bootstrap(env, handleSignals);
    const second = await bootstrap(env, false);
    instances.splice(0, instances.length, first, second);
    // The second goes first, while the harness's database and topics are still there.
    const close = async () => {
      await second.close();
      await first.close();
    };
    return { url: first.url, close };
  };
  const spec = subgraphSpec(label, both, options);
  return {
    get subgraph() {
      return spec.subgraph;
    },
    get tap() {
      return spec.tap;
    },
    instances,
    everywhere: (step) => Promise.all([...instances, ...instances].map(step)),
  };
}
