import { randomUUID } from 'node:crypto';
import { graphql } from '@nhi/launcher';
import { KafkaTestClient, waitFor } from '@nhi/testing';
import type { DoorContext } from './door-context';
import { validRow } from './identity-rows';
import { secretToken, type CorpusSecret } from './secret-corpus';
import { asHeaderValue, chunks, inParallel } from './sweep-http';

interface Pending {
  nhiId: string;
  requestId: string;
}

/** An integrator's CloudEvent (structured mode), as DESIGN.md's contract table has it. */
function resultEvent(type: string, subject: string, data: Record<string, unknown>): string {
  return JSON.stringify({
    specversion: '1.0',
    id: randomUUID(),
    source: '/leak-sweep/integrator',
    type,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
  });
}

/** One identity per secret and purpose, on a provider no integrator answers, so that each request stays pending. */
async function identities(ctx: DoorContext, purpose: string): Promise<string[]> {
  const rows: Array<Record<string, unknown>> = ctx.secrets.map((_, i) => ({ ...validRow(`${purpose}/${i}`), provider: 'leakint' }));
  const ingest = 'mutation ($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created } }';
  await graphql(ctx.gateway, ctx.tokens.admin, ingest, { input: { source: 'leak-int', identities: rows } });
  const batches = chunks(rows, 100);
  const ids: string[][] = batches.map(() => []);
  await inParallel(batches, 4, async (batch, b) => {
    const query = `{ ${batch.map((row, i) => `i${i}: identityByExternalId(provider: "leakint", externalId: ${JSON.stringify(row['externalId'])}) { id }`).join(' ')} }`;
    const answer = await graphql<Record<string, { id: string }>>(ctx.gateway, ctx.tokens.admin, query);
    ids[b] = batch.map((_, i) => answer[`i${i}`]!.id);
  });
  return ids.flat();
}

/** requestRotation or requestRevocation for each identity, 20 per request, once lifecycle knows them. */
async function request(ctx: DoorContext, mutation: 'requestRotation' | 'requestRevocation', ids: string[]): Promise<Pending[]> {
  const pending: Pending[] = [];
  // One batch at a time: a batch is retried whole, and in parallel a transient failure of one of its
  // mutations (lock contention) left the others applied, so the retry could never succeed.
  for (const batch of chunks(ids, 20)) {
    const query = `mutation { ${batch.map((id, i) => `r${i}: ${mutation}(identityId: "${id}", reason: "leak sweep") { id }`).join(' ')} }`;
    const answer = await waitFor(
      () => graphql<Record<string, { id: string }>>(ctx.gateway, ctx.tokens.admin, query).catch(() => undefined),
      {
        timeoutMs: 60_000,
        what: `${mutation} of the integrator door's identities`,
      },
    );
    pending.push(...batch.map((nhiId, i) => ({ nhiId, requestId: answer[`r${i}`]!.id })));
  }
  return pending;
}

/** Pending rotation (two sets) and revocation requests, one of each per secret. */
export async function integratorFixtures(ctx: DoorContext): Promise<{ failed: Pending[]; completed: Pending[]; revoked: Pending[] }> {
  const [failedIds, completedIds] = await Promise.all([identities(ctx, 'int-failed'), identities(ctx, 'int-completed')]);
  const failed = await request(ctx, 'requestRotation', failedIds);
  const completed = await request(ctx, 'requestRotation', completedIds);
  const revoked = await request(ctx, 'requestRevocation', failedIds);
  return { failed, completed, revoked };
}

/** A fingerprint-shaped carrier (sha256:<token>) when the secret's token fits the pattern, so that it passes the schema. */
const asFingerprint = (secret: CorpusSecret) => {
  const token = secretToken(secret.value);
  return /^[A-Za-z0-9+/=_-]{16,128}$/.test(token) ? `sha256:${token}` : secret.value;
};

/**
 * What an integrator could send with a secret in it, 6 messages per secret: a failed rotation and a
 * failed revocation whose error text is the secret (to pending requests), a completed rotation whose
 * new fingerprint carries it (fingerprint-shaped where possible), a failed revocation with the secret
 * as its requestId (breaks the schema), and two values that are not JSON at all (the secret bare, and
 * cut-off JSON around it) with the secret also as the message key and in a header. The last three go
 * to the dead-letter topics, which must not keep the secret either.
 */
export async function integratorResults(ctx: DoorContext, pending: Awaited<ReturnType<typeof integratorFixtures>>): Promise<void> {
  const kafka = await KafkaTestClient.connect(ctx.e2e.brokers);
  const rotations = `${ctx.e2e.topicPrefix}nhi.rotation.results.v1`;
  const revocations = `${ctx.e2e.topicPrefix}nhi.revocation.results.v1`;
  try {
    await inParallel(ctx.secrets, 32, async (secret, k) => {
      const s = secret.value;
      const [failed, completed, revoked] = [pending.failed[k]!, pending.completed[k]!, pending.revoked[k]!];
      const messages: Array<[string, { key: string; value: string; headers?: Record<string, string> }]> = [
        [rotations, { key: failed.nhiId, value: resultEvent('nhi.rotation.failed', failed.nhiId, { ...failed, error: s }) }],
        [revocations, { key: revoked.nhiId, value: resultEvent('nhi.revocation.failed', revoked.nhiId, { ...revoked, error: s }) }],
        [
          rotations,
          {
            key: completed.nhiId,
            value: resultEvent('nhi.rotation.completed', completed.nhiId, {
              ...completed,
              rotatedAt: new Date().toISOString(),
              newCredentialFingerprint: asFingerprint(secret),
            }),
          },
        ],
        [
          revocations,
          {
            key: revoked.nhiId,
            value: resultEvent('nhi.revocation.failed', revoked.nhiId, { requestId: s, nhiId: revoked.nhiId, error: 'leak' }),
          },
        ],
        [rotations, { key: asHeaderValue(s), value: s, headers: { 'x-integrator-note': asHeaderValue(s) } }],
        [
          revocations,
          {
            key: asHeaderValue(s),
            value: `{"type":"nhi.revocation.failed","data":{"error":${JSON.stringify(s)}`,
            headers: { 'x-integrator-note': asHeaderValue(s) },
          },
        ],
      ];
      for (const [topic, message] of messages) await kafka.produce(topic, message);
      ctx.coverage.requests += messages.length;
    });
  } finally {
    await kafka.disconnect();
  }
  ctx.coverage.inputs += ctx.secrets.length * 8;
}
