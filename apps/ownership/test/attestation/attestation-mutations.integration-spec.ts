import { randomUUID } from 'node:crypto';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';
import type { UserError } from '@nhi/testing';

const spec = ownershipSpec('ownership_attestation_mutations');

const unique = uniqueNames();

interface StartPayload {
  attestationCampaign: { id: string; name: string; status: string } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}
interface CreatePayload {
  identity: { id: string; ownershipStatus: string; lastAttestation: string | null } | null;
  attestationCampaign: { id: string; progress: { decided: number; kept: number } } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

const ERRORS = 'userErrors { field message code } clientMutationId';
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function mutate<P>(mutation: string, inputType: string, fields: string, input: Record<string, unknown>): Promise<P> {
  const result = await spec.subgraph.query<Record<string, P | null>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${fields} ${ERRORS} } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data![mutation]!;
}

const start = (input: Record<string, unknown>) =>
  mutate<StartPayload>('attestationCampaignStart', 'AttestationCampaignStartInput', 'attestationCampaign { id name status }', {
    deadline: inAnHour(),
    ...input,
  });

const attest = (input: Record<string, unknown>) =>
  mutate<CreatePayload>(
    'attestationCreate',
    'AttestationCreateInput',
    'identity { id ownershipStatus lastAttestation } attestationCampaign { id progress { decided kept } }',
    input,
  );

/** A business unit with one owned identity in it. */
async function ownedIdentity(): Promise<{ businessUnit: string; identityId: string }> {
  const businessUnit = unique('bu');
  const team = await spec.client.owner({ externalRef: unique('team'), kind: 'TEAM', name: 'Team' });
  const identityId = await spec.client.discovered({ businessUnit });
  await spec.client.assign({ identityId, ownerId: team.id });
  return { businessUnit, identityId };
}

describe('attestationCampaignStart', () => {
  it('starts a campaign, echoes the clientMutationId, replays a repeated key and refuses the key for another input', async () => {
    const { businessUnit } = await ownedIdentity();
    const key = randomUUID();
    const deadline = inAnHour();

    const first = await start({ name: 'Q4 review', businessUnit, deadline, idempotencyKey: key, clientMutationId: 'c-1' });
    const replay = await start({ name: 'Q4 review', businessUnit, deadline, idempotencyKey: key });
    const reused = await start({ name: 'another review', businessUnit, deadline, idempotencyKey: key });

    expect(first).toMatchObject({ userErrors: [], clientMutationId: 'c-1', attestationCampaign: { name: 'Q4 review', status: 'OPEN' } });
    expect(replay).toMatchObject({ userErrors: [], attestationCampaign: { id: first.attestationCampaign?.id } });
    expect(reused).toMatchObject({ attestationCampaign: null, userErrors: [{ field: ['idempotencyKey'], code: 'CONFLICT' }] });
    const [{ n }] = await spec.subgraph.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM attestation_campaigns WHERE business_unit = $1',
      [businessUnit],
    );
    expect(n).toBe(1);
  });

  it('returns a past deadline and an unknown owner as userErrors naming the field, without quoting the value', async () => {
    const past = await start({ name: 'late', deadline: new Date(Date.now() - 1000).toISOString() });
    const ownerId = randomUUID();
    const nobody = await start({ name: 'nobody', ownerId });

    expect(past).toMatchObject({ attestationCampaign: null, userErrors: [{ field: ['deadline'], code: 'INVALID' }] });
    expect(nobody).toMatchObject({ attestationCampaign: null, userErrors: [{ field: ['ownerId'], code: 'NOT_FOUND' }] });
    expect(nobody.userErrors[0]?.message).not.toContain(ownerId);
  });
});

describe('attestationCreate', () => {
  it('records a decision with the identity and campaign, then refuses a second decision as a CONFLICT on identityId', async () => {
    const { businessUnit, identityId } = await ownedIdentity();
    const campaignId = (await start({ name: 'review', businessUnit })).attestationCampaign!.id;

    const kept = await attest({ identityId, campaignId, decision: 'KEEP', note: 'still used', clientMutationId: 'a-1' });
    const twice = await attest({ identityId, campaignId, decision: 'KEEP' });

    expect(kept).toMatchObject({
      userErrors: [],
      clientMutationId: 'a-1',
      identity: { id: identityId, ownershipStatus: 'OWNED', lastAttestation: expect.any(String) },
      attestationCampaign: { id: campaignId, progress: { decided: 1, kept: 1 } },
    });
    expect(twice).toMatchObject({
      identity: null,
      attestationCampaign: null,
      userErrors: [{ field: ['identityId'], code: 'CONFLICT', message: expect.stringMatching(/^this identity was already attested/) }],
    });
    expect(twice.userErrors[0]?.message).not.toContain(identityId);
  });

  it('returns an unknown campaign as NOT_FOUND on campaignId', async () => {
    const { identityId } = await ownedIdentity();

    const payload = await attest({ identityId, campaignId: randomUUID(), decision: 'KEEP' });

    expect(payload).toMatchObject({ identity: null, userErrors: [{ field: ['campaignId'], code: 'NOT_FOUND' }] });
  });

  it('still answers the deprecated startAttestationCampaign and attest', async () => {
    const { businessUnit, identityId } = await ownedIdentity();
    const started = await spec.subgraph.query<{ startAttestationCampaign: { id: string } }>(
      'mutation($input: CampaignInput!) { startAttestationCampaign(input: $input) { id } }',
      { input: { name: 'old', businessUnit, deadline: inAnHour() } },
    );
    const attested = await spec.subgraph.query<{ attest: { id: string; ownershipStatus: string } }>(
      'mutation($i: ID!, $c: ID!) { attest(identityId: $i, campaignId: $c, decision: KEEP) { id ownershipStatus } }',
      { i: identityId, c: started.data?.startAttestationCampaign.id },
    );
    const missing = await spec.subgraph.query(
      'mutation($i: ID!, $c: ID!) { attest(identityId: $i, campaignId: $c, decision: KEEP) { id } }',
      {
        i: identityId,
        c: randomUUID(),
      },
    );

    expect(started.errors).toBeUndefined();
    expect(attested.data?.attest).toEqual({ id: identityId, ownershipStatus: 'OWNED' });
    const twice = await spec.subgraph.query(
      'mutation($i: ID!, $c: ID!) { attest(identityId: $i, campaignId: $c, decision: KEEP) { id } }',
      {
        i: identityId,
        c: started.data?.startAttestationCampaign.id,
      },
    );
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'identityId' });
  });
});
