import { graphql } from './graphql-client';

/** The CloudEvents source the reference integrator's results carry (apps/reference-integrator). */
export const REFERENCE_INTEGRATOR_SOURCE = '/nhi/reference-integrator';

/** The provider of the simulated secret manager it answers for. */
export const DEMO_PROVIDER = 'demo';

const REGISTER = `
  mutation Register($input: RegisterIntegratorInput!) {
    registerIntegrator(input: $input) { source providers }
  }`;

/**
 * Trusts the reference integrator for the demo provider, through the graph as a
 * security-admin would: lifecycle applies results only from registered sources.
 * Registering again is harmless.
 */
export async function registerReferenceIntegrator(gatewayUrl: string, adminToken: string): Promise<void> {
  await graphql(gatewayUrl, adminToken, REGISTER, { input: { source: REFERENCE_INTEGRATOR_SOURCE, providers: [DEMO_PROVIDER] } });
}
