import { graphql } from '@nhi/launcher';
import { waitFor } from '@nhi/testing';
import { delivered, type DoorContext } from './door-context';
import { FREE_TEXT_FIELDS, type FreeTextFixtures } from './free-text-fields';
import { graphqlLiteral } from './identity-doors';
import { validRow } from './identity-rows';
import { chunks, inParallel, postGraphQL } from './sweep-http';

/** Mutations per request (aliases): the gateway allows 100 root fields; 44 halves the requests and keeps each well under the limits. */
const PER_REQUEST = 44;

async function idOf(ctx: DoorContext, externalId: string): Promise<string> {
  const query = 'query ($e: String!) { identityByExternalId(provider: "leakprov", externalId: $e) { id } }';
  const answer = await graphql<{ identityByExternalId: { id: string } }>(ctx.gateway, ctx.tokens.admin, query, { e: `leak/${externalId}` });
  return answer.identityByExternalId.id;
}

/** Admin mutation that must work, retried while the service has yet to learn the identity from inventory's events. */
function eventually<T>(ctx: DoorContext, what: string, query: string, token = ctx.tokens.admin): Promise<T> {
  return waitFor(() => graphql<T>(ctx.gateway, token, query).catch(() => undefined), { timeoutMs: 30_000, what });
}

function lifecycleKnows(ctx: DoorContext, identityId: string): Promise<unknown> {
  const query = `{ identity(id: "${identityId}") { lifecycle { state } } }`;
  return waitFor(
    async () => (await graphql<{ identity: { lifecycle: unknown } | null }>(ctx.gateway, ctx.tokens.admin, query)).identity?.lifecycle,
    {
      timeoutMs: 30_000,
      what: 'lifecycle knowing the rotated identity',
    },
  );
}

/** Valid targets for every free-text mutation, so that without a check the secret would be stored. */
export async function freeTextFixtures(ctx: DoorContext): Promise<FreeTextFixtures> {
  const rows = [{ ...validRow('owned'), system: 'leak-owned' }, validRow('rotated'), { ...validRow('bulk'), system: 'leak-bulk' }];
  await graphql(
    ctx.gateway,
    ctx.tokens.admin,
    `mutation { ingestIdentities(input: { source: "leak-fixtures", identities: ${graphqlLiteral(rows)} }) { created } }`,
  );
  const [owned, rotated, bulkSystem] = [await idOf(ctx, 'owned'), await idOf(ctx, 'rotated'), await idOf(ctx, 'bulk')];
  const team = async (ref: string) =>
    (
      await graphql<{ upsertOwner: { id: string } }>(
        ctx.gateway,
        ctx.tokens.admin,
        `mutation { upsertOwner(input: { externalRef: "${ref}", kind: TEAM, name: "${ref}" }) { id } }`,
      )
    ).upsertOwner.id;
  const [team1, team2] = [await team('leak-team-1'), await team('leak-team-2')];
  const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  await eventually(
    ctx,
    'ownership knowing the owned identity',
    `mutation { assignOwner(identityId: "${owned}", ownerId: "${team1}") { id } }`,
  );
  const campaign = await graphql<{ startAttestationCampaign: { id: string } }>(
    ctx.gateway,
    ctx.tokens.admin,
    `mutation { startAttestationCampaign(input: { name: "leak fixture", ownerId: "${team1}", deadline: "${expiresAt}" }) { id } }`,
  );
  const handoff = await graphql<{ requestHandoff: { id: string } }>(
    ctx.gateway,
    ctx.tokens.admin,
    `mutation { requestHandoff(input: { fromOwnerId: "${team1}", toOwnerId: "${team2}", reason: "leak fixture" }) { id } }`,
  );
  const exception = await eventually<{ requestException: { id: string } }>(
    ctx,
    "rita's exception on the owned identity",
    `mutation { requestException(input: { identityId: "${owned}", control: OWNERSHIP, justification: "leak fixture", expiresAt: "${expiresAt}" }) { id } }`,
    ctx.tokens.rita,
  );
  await lifecycleKnows(ctx, rotated);
  return {
    owned,
    rotated,
    bulkSystem,
    team1,
    team2,
    campaign: campaign.startAttestationCampaign.id,
    handoff: handoff.requestHandoff.id,
    exception: exception.requestException.id,
    expiresAt,
  };
}

/** Every secret in every free-text field (FREE_TEXT_FIELDS), 44 mutations (one field, 44 secrets) per request. */
export async function freeTextMutations(ctx: DoorContext, fixtures: FreeTextFixtures): Promise<void> {
  const work = FREE_TEXT_FIELDS.flatMap(([field, call]) => chunks(ctx.secrets, PER_REQUEST).map((secrets) => ({ field, call, secrets })));
  await inParallel(work, 12, async ({ field, call, secrets }) => {
    const declarations = secrets.map((_, i) => `$v${i}: String!`).join(', ');
    const fields = secrets.map((_, i) => `m${i}: ${call(`$v${i}`, fixtures)}`).join('\n');
    const variables = Object.fromEntries(secrets.map((secret, i) => [`v${i}`, secret.value]));
    delivered(
      ctx,
      `${field} (${secrets.length} mutations)`,
      await postGraphQL(ctx.gateway, ctx.tokens.admin, `mutation (${declarations}) {\n${fields}\n}`, variables),
    );
  });
  ctx.coverage.inputs += ctx.secrets.length * FREE_TEXT_FIELDS.length;
}
