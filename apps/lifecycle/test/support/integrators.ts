import type { SubgraphUnderTest } from '@nhi/testing';

/** The source spec helpers publish results from (`publish(type, data, 'integrator')`). */
export const TEST_INTEGRATOR_SOURCE = '/nhi/integrator';

/** Trusts a source for providers, as a security-admin does through the graph; fails the test when refused. */
export async function registerIntegrator(subgraph: SubgraphUnderTest, source: string, providers: string[] = ['demo']): Promise<void> {
  const result = await subgraph.query<{ registerIntegrator: { source: string } }>(
    'mutation($input: RegisterIntegratorInput!) { registerIntegrator(input: $input) { source } }',
    { input: { source, providers } },
  );
  if (!result.data?.registerIntegrator) throw new Error(`could not register ${source}: ${JSON.stringify(result.errors)}`);
}
