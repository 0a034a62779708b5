import { postGraphQL } from '@nhi/launcher';
import { waitFor } from '@nhi/testing';
import type { E2ePlatform } from './e2e-platform';

export type Variables = Record<string, unknown>;

export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

export interface Payload {
  clientMutationId?: string | null;
  userErrors: UserError[];
}

export interface RotationPayload extends Payload {
  rotationRequest: { id: string; status: string; attempt: number; identity: { id: string; name: string } | null } | null;
}

interface Answer<T> {
  data: T;
  errors: Array<{ message: string; path?: unknown; extensions?: Record<string, unknown> }>;
}

/** Posts an operation and returns data and errors as they came, failing only when there is no data at all. */
export async function post<T>(e2e: E2ePlatform, token: string, query: string, variables: Variables = {}): Promise<Answer<T>> {
  const { status, body } = await postGraphQL<T>(e2e.platform.gatewayUrl, token, query, variables);
  if (!body.data) throw new Error(`HTTP ${status}, no data: ${(body.errors ?? []).map((e) => e.message).join('; ')}`);
  return { data: body.data, errors: body.errors ?? [] };
}

/** A page's query: data without a single error, not even a located one. */
export async function page<T>(e2e: E2ePlatform, token: string, query: string, variables: Variables): Promise<T> {
  const { data, errors } = await post<T>(e2e, token, query, variables);
  if (errors.length > 0) throw new Error(`errors: ${JSON.stringify(errors)}`);
  return data;
}

/**
 * Runs a payload-form mutation: a top-level error or a refusal fails, except NOT_FOUND, which is retried
 * while the service behind the mutation has not yet learnt the identity from inventory's event.
 */
export async function mutate<P extends Payload>(e2e: E2ePlatform, token: string, mutation: string, input: Variables): Promise<P> {
  const field = /\{\s*(\w+)\s*\(/.exec(mutation)?.[1] ?? 'the mutation';
  return waitFor(
    async () => {
      const { data, errors } = await post<Record<string, P | null>>(e2e, token, mutation, { input });
      if (errors.length > 0) throw new Error(`${field}: ${errors.map((e) => e.message).join('; ')}`);
      const payload = data[field];
      if (!payload) throw new Error(`${field}: no payload`);
      const [refusal] = payload.userErrors;
      if (refusal?.code === 'NOT_FOUND') return false;
      if (refusal) throw new Error(`${field} refused: ${refusal.code} ${refusal.message}`);
      return payload;
    },
    { timeoutMs: 30_000, what: `${field} to be accepted` },
  );
}

const OWNER_UPSERT = `mutation ($input: OwnerUpsertInput!) {
  ownerUpsert(input: $input) { userErrors { field message code } owner { id } } }`;
const RULE_CREATE = `mutation ($input: OwnershipRuleCreateInput!) {
  ownershipRuleCreate(input: $input) { userErrors { field message code } ownershipRule { id } } }`;
const POLICY_UPSERT = `mutation ($input: RotationPolicyUpsertInput!) {
  rotationPolicyUpsert(input: $input) { userErrors { field message code } rotationPolicy { id } } }`;
const INGEST = `mutation ($input: IdentitiesIngestInput!) {
  identitiesIngest(input: $input) { userErrors { field message code } ingestReport { created rejectedCount } } }`;
const ASSIGN = `mutation ($input: IdentityOwnerAssignInput!) {
  identityOwnerAssign(input: $input) { userErrors { field message code } identity { id } } }`;
const EXCEPTION_CREATE = `mutation ($input: ExceptionCreateInput!) {
  exceptionCreate(input: $input) { userErrors { field message code } exception { id } } }`;
const CAMPAIGN_START = `mutation ($input: AttestationCampaignStartInput!) {
  attestationCampaignStart(input: $input) { userErrors { field message code } attestationCampaign { id } } }`;
const REVOCATION_CREATE = `mutation ($input: RevocationRequestCreateInput!) {
  revocationRequestCreate(input: $input) { userErrors { field message code } revocationRequest { id } } }`;
const BY_EXTERNAL_ID = 'query ($e: String!) { identityByExternalId(provider: "demo", externalId: $e) { id } }';

export interface Named {
  id: string;
  name: string;
  externalId: string;
}

/** The names of the cookbook's business unit, and what the seed made in it: what the pages must show. */
export interface Seed {
  run: string;
  businessUnit: string;
  teamRef: string;
  teamName: string;
  teamId: string;
  policyName: string;
  ruleName: string;
  campaignName: string;
  main: Named;
  failingRotation: Named;
  failingRevocation: Named;
  suggested: Named;
  exceptionId: string;
  campaignId: string;
  rotationInput: Variables;
  rotation: RotationPayload;
  revocationId: string;
}

type Names = Pick<Seed, 'run' | 'businessUnit' | 'teamRef' | 'teamName' | 'policyName' | 'ruleName' | 'campaignName'> & {
  system: string;
};

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A team, a SUGGEST rule that proposes it for the unit's system, and a policy of one attempt for the unit. */
async function seedGovernance(e2e: E2ePlatform, token: string, names: Names): Promise<string> {
  const { owner } = await mutate<Payload & { owner: { id: string } }>(e2e, token, OWNER_UPSERT, {
    externalRef: names.teamRef,
    kind: 'TEAM',
    name: names.teamName,
    businessUnit: names.businessUnit,
    clientMutationId: 'cookbook-team',
  });
  await mutate(e2e, token, RULE_CREATE, {
    name: names.ruleName,
    ownerId: owner.id,
    mode: 'SUGGEST',
    system: names.system,
    idempotencyKey: `cookbook-rule-${names.run}`,
  });
  // One attempt: a refused rotation or revocation is final at once, instead of retried a minute later.
  await mutate(e2e, token, POLICY_UPSERT, { name: names.policyName, businessUnit: [names.businessUnit], maxAgeDays: 90, maxAttempts: 1 });
  return owner.id;
}

/** Four identities at the demo provider, the one the reference integrator answers for; an unknown kind it refuses. */
async function seedIdentities(
  e2e: E2ePlatform,
  token: string,
  names: Names,
): Promise<Record<'main' | 'failingRotation' | 'failingRevocation' | 'suggested', Named>> {
  const { run } = names;
  const rows = {
    main: { externalId: `secret/cookbook-${run}`, kind: 'secret', name: 'cookbook payments secret', interactiveUse: true },
    failingRotation: { externalId: `widget/cookbook-rotate-${run}`, kind: 'mystery-widget', name: 'cookbook widget that will not rotate' },
    failingRevocation: {
      externalId: `widget/cookbook-revoke-${run}`,
      kind: 'mystery-widget',
      name: 'cookbook widget that will not revoke',
    },
    suggested: { externalId: `secret/cookbook-suggested-${run}`, kind: 'secret', name: 'cookbook suggested secret', system: names.system },
  };
  const identities = Object.values(rows).map((row) => ({
    provider: 'demo',
    environment: 'prd',
    businessUnit: names.businessUnit,
    expiresAt: inDays(180),
    ...row,
  }));
  const { ingestReport } = await mutate<Payload & { ingestReport: { created: number; rejectedCount: number } }>(e2e, token, INGEST, {
    source: 'demo-secret-manager',
    identities,
  });
  if (ingestReport.created !== 4 || ingestReport.rejectedCount !== 0) throw new Error(`ingest: ${JSON.stringify(ingestReport)}`);
  const named = async ({ externalId, name }: { externalId: string; name: string }): Promise<Named> => {
    const { identityByExternalId } = await page<{ identityByExternalId: { id: string } }>(e2e, token, BY_EXTERNAL_ID, { e: externalId });
    return { id: identityByExternalId.id, name, externalId };
  };
  return {
    main: await named(rows.main),
    failingRotation: await named(rows.failingRotation),
    failingRevocation: await named(rows.failingRevocation),
    suggested: await named(rows.suggested),
  };
}

/** The team owns the main identity, which gets a pending exception and an attestation campaign. */
async function seedWork(e2e: E2ePlatform, token: string, names: Names, teamId: string, main: Named) {
  await mutate(e2e, token, ASSIGN, { identityId: main.id, ownerId: teamId, reason: 'cookbook: the payments team runs it' });
  const { exception } = await mutate<Payload & { exception: { id: string } }>(e2e, token, EXCEPTION_CREATE, {
    identityId: main.id,
    control: 'NHI10',
    justification: 'an operator signs in with it until the batch job gets its own role',
    riskRating: 'MEDIUM',
    expiresAt: inDays(30),
    idempotencyKey: `cookbook-exception-${names.run}`,
  });
  const { attestationCampaign } = await mutate<Payload & { attestationCampaign: { id: string } }>(e2e, token, CAMPAIGN_START, {
    name: names.campaignName,
    ownerId: teamId,
    deadline: inDays(7),
    idempotencyKey: `cookbook-campaign-${names.run}`,
  });
  return { exceptionId: exception.id, campaignId: attestationCampaign.id };
}

/**
 * A business unit of its own: one identity owned by a team, with a HUMAN_USE finding (NHI10), a rotation, a
 * pending exception and an attestation campaign; two of an unknown kind (OTHER), which the reference
 * integrator refuses to rotate or revoke, under a policy of one attempt, so they land in the failed queues at
 * once; and one a SUGGEST rule proposes the team for. Through the gateway, with the payload-form mutations;
 * the main identity's rotation with the cookbook's own `rotation-request` mutation.
 */
export async function seedCookbook(e2e: E2ePlatform, token: string, rotationRequest: string): Promise<Seed> {
  const run = e2e.runId;
  const names: Names = {
    run,
    businessUnit: `cookbook-${run}`,
    system: `cookbook-suggest-${run}`,
    teamRef: `team-cookbook-${run}`,
    teamName: `Cookbook team ${run}`,
    policyName: `cookbook ${run}`,
    ruleName: `cookbook suggestions ${run}`,
    campaignName: `cookbook review ${run}`,
  };
  const teamId = await seedGovernance(e2e, token, names);
  const identities = await seedIdentities(e2e, token, names);
  const work = await seedWork(e2e, token, names, teamId, identities.main);
  const rotationInput = {
    identityId: identities.main.id,
    reason: 'cookbook: key found in a public repository',
    clientMutationId: 'cookbook-rotate-button',
    idempotencyKey: `cookbook-rotation-${run}`,
  };
  const rotation = await mutate<RotationPayload>(e2e, token, rotationRequest, rotationInput);
  await mutate(e2e, token, rotationRequest, { identityId: identities.failingRotation.id, reason: 'cookbook: a rotation to refuse' });
  const { revocationRequest } = await mutate<Payload & { revocationRequest: { id: string } }>(e2e, token, REVOCATION_CREATE, {
    identityId: identities.failingRevocation.id,
    reason: 'cookbook: a revocation to refuse',
    idempotencyKey: `cookbook-revocation-${run}`,
  });
  const { businessUnit, teamRef, teamName, policyName, ruleName, campaignName } = names;
  return {
    ...{ run, businessUnit, teamRef, teamName, policyName, ruleName, campaignName, teamId },
    ...identities,
    ...work,
    rotationInput,
    rotation,
    revocationId: revocationRequest.id,
  };
}
