import { GatewayClient, type CallOutcome } from './gateway-client';
import type { Random } from './random';

export interface WorkloadSize {
  identities: number;
  waves: number;
  /** Share of the identities of earlier waves sent again, changed, with each wave. */
  updateShare: number;
  rotations: number;
  revocations: number;
  exceptions: number;
  attestations: number;
}

/** What the workload did and was told: the checks compare the platform's state with it. */
export interface WorkloadLedger {
  externalIds: string[];
  rotationRequestIds: string[];
  revocationRequestIds: string[];
  exceptionIds: string[];
  /** Mutations answered, refused, and left without an answer (applied or not: the checks find out). */
  mutations: { ok: number; refused: number; unknown: number };
  errors: string[];
}

export interface WorkloadTokens {
  admin: string;
  approver: string;
}

const PROVIDER = 'demo';
const UNITS = ['Payments', 'Search', 'Platform', 'Data'];
const KINDS = ['secret', 'api_key', 'service_account', 'token'];
const INGEST_CHUNK = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const INGEST = `mutation($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created updated rejectedCount } }`;
const IDENTITIES = `query($after: String, $filter: IdentityFilter) {
  identities(first: 500, after: $after, filter: $filter) { edges { node { id externalId } } pageInfo { hasNextPage endCursor } } }`;
const ROTATE = `mutation($id: ID!) { requestRotation(identityId: $id, reason: "chaos: scheduled rotation") { id } }`;
const REVOKE = `mutation($id: ID!) { requestRevocation(identityId: $id, reason: "chaos: leaked credential", force: true) { id } }`;

/**
 * The mixed workload of a chaos run, through the public faces only (the
 * gateway, as a portal and a connector use it): identities ingested in waves
 * with updates, owners, a rule and a leaver, rotations and revocations,
 * exceptions with short expiries and an attestation campaign. Spread over the
 * run's duration so faults land in the middle of it.
 */
export class Workload {
  readonly ledger: WorkloadLedger = {
    externalIds: [],
    rotationRequestIds: [],
    revocationRequestIds: [],
    exceptionIds: [],
    mutations: { ok: 0, refused: 0, unknown: 0 },
    errors: [],
  };
  /** Inventory ids of the identities ingested so far, by externalId, as the graph lists them. */
  private readonly ids = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(
    private readonly client: GatewayClient,
    private readonly tokens: WorkloadTokens,
    private readonly size: WorkloadSize,
    private readonly random: Random,
    private readonly runId: string,
    private readonly progress: (line: string) => void,
  ) {}

  /** Runs every part side by side, each paced to end within durationMs. */
  async run(durationMs: number): Promise<void> {
    const began = Date.now();
    const until = (share: number) => began + durationMs * share;
    const owners = await this.setUpOwnership();
    await Promise.all([
      this.ingestWaves(until(0.6)),
      this.requests('rotation', this.size.rotations, until(0.15), until(0.85)),
      this.requests('revocation', this.size.revocations, until(0.2), until(0.85)),
      this.exceptions(until(0.25), until(0.8)),
      this.attestationsAndLeaver(owners, until(0.3), until(0.7)),
    ]);
  }

  private record<T>(outcome: CallOutcome<T>, what: string): T | undefined {
    if (outcome.kind === 'ok') {
      this.ledger.mutations.ok += 1;
      return outcome.data;
    }
    if (outcome.kind === 'refused') this.ledger.mutations.refused += 1;
    else this.ledger.mutations.unknown += 1;
    if (this.ledger.errors.length < 20)
      this.ledger.errors.push(`${what}: ${outcome.kind} ${'code' in outcome ? outcome.code : ''} ${outcome.message}`.slice(0, 300));
    return undefined;
  }

  private async setUpOwnership(): Promise<{ team: string; leaver: string }> {
    const upsert = `mutation($input: OwnerInput!) { upsertOwner(input: $input) { id } }`;
    const owner = async (ref: string, kind: 'TEAM' | 'PERSON', name: string, parentRef?: string) => {
      const outcome = await this.client.call<{ upsertOwner: { id: string } }>(this.tokens.admin, upsert, {
        input: { externalRef: ref, kind, name, businessUnit: 'Payments', ...(parentRef ? { parentRef } : {}) },
      });
      const data = this.record(outcome, `upsertOwner ${ref}`);
      if (!data) throw new Error(`the workload could not create owner ${ref}: ${JSON.stringify(outcome)}`);
      return data.upsertOwner.id;
    };
    const team = await owner(`team:chaos-${this.runId}`, 'TEAM', 'Chaos payments team');
    const leaver = await owner(`person:leaver-${this.runId}`, 'PERSON', 'Leaving engineer', `team:chaos-${this.runId}`);
    const rule = `mutation($input: OwnershipRuleInput!) { createOwnershipRule(input: $input) { id } }`;
    this.record(
      await this.client.call(this.tokens.admin, rule, {
        input: { name: `chaos payments ${this.runId}`, ownerId: leaver, mode: 'AUTO_ASSIGN', provider: PROVIDER, businessUnit: 'Payments' },
      }),
      'createOwnershipRule',
    );
    // Short deadlines, so that an integrator that is down long enough makes attempts time out and its answers arrive late.
    this.record(
      await this.client.call(this.tokens.admin, `mutation($input: RotationPolicyInput!) { upsertRotationPolicy(input: $input) { id } }`, {
        input: { name: `chaos ${this.runId}`, provider: [PROVIDER], maxAgeDays: 90, deadlineMinutes: 1, maxAttempts: 5 },
      }),
      'upsertRotationPolicy',
    );
    return { team, leaver };
  }

  private row(index: number, version: number): Record<string, unknown> {
    const unit = UNITS[index % UNITS.length];
    return {
      provider: PROVIDER,
      externalId: `chaos/${this.runId}/svc-${index}`,
      kind: KINDS[index % KINDS.length],
      name: `chaos service ${index}`,
      environment: index % 3 === 0 ? 'production' : 'staging',
      system: `system-${index % 17}`,
      businessUnit: unit,
      scopes: version > 0 ? ['read', 'write'] : ['read'],
      createdAt: new Date(Date.now() - (200 + (index % 300)) * 86_400_000).toISOString(),
      lastUsedAt: new Date(Date.now() - version * 60_000).toISOString(),
    };
  }

  private async ingestWaves(deadline: number): Promise<void> {
    const perWave = Math.ceil(this.size.identities / this.size.waves);
    for (let wave = 0; wave < this.size.waves; wave += 1) {
      const waveStarted = Date.now();
      const first = wave * perWave;
      const fresh = Array.from({ length: Math.min(perWave, this.size.identities - first) }, (_, i) => this.row(first + i, 0));
      const updates = Array.from({ length: Math.floor(first * this.size.updateShare) }, () =>
        this.row(this.random.between(0, first - 1), wave),
      );
      const rows = [...fresh, ...updates];
      for (let start = 0; start < rows.length; start += INGEST_CHUNK) {
        const chunk = rows.slice(start, start + INGEST_CHUNK);
        const outcome = await this.client.call(this.tokens.admin, INGEST, { input: { source: `chaos-${this.runId}`, identities: chunk } });
        this.record(outcome, `ingestIdentities wave ${wave + 1}`);
      }
      this.ledger.externalIds.push(...fresh.map((row) => String(row['externalId'])));
      await this.learnIds();
      this.progress(
        `  workload   wave ${wave + 1}/${this.size.waves}: ${fresh.length} new, ${updates.length} updated; ${this.ids.size} listed`,
      );
      const pace = (deadline - Date.now()) / Math.max(1, this.size.waves - wave - 1);
      await sleep(Math.max(0, Math.min(pace, pace - (Date.now() - waveStarted))));
    }
  }

  /** Lists the run's identities through the graph, to act on them by id as a portal does. */
  private async learnIds(): Promise<void> {
    let after: string | null = null;
    const ids = new Map<string, string>();
    for (;;) {
      type Page = {
        identities: { edges: Array<{ node: { id: string; externalId: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
      };
      const outcome: CallOutcome<Page> = await this.client.call<Page>(this.tokens.admin, IDENTITIES, {
        after,
        filter: { source: `chaos-${this.runId}` },
      });
      if (outcome.kind !== 'ok') return;
      for (const { node } of outcome.data.identities.edges) ids.set(node.externalId, node.id);
      if (!outcome.data.identities.pageInfo.hasNextPage) break;
      after = outcome.data.identities.pageInfo.endCursor;
    }
    for (const [externalId, id] of ids) this.ids.set(externalId, id);
  }

  /** An identity not acted on yet, or undefined when none is listed yet. */
  private unusedIdentity(): string | undefined {
    const candidates = [...this.ids.values()].filter((id) => !this.used.has(id));
    if (candidates.length === 0) return undefined;
    const id = this.random.pick(candidates);
    this.used.add(id);
    return id;
  }

  private async requests(kind: 'rotation' | 'revocation', count: number, from: number, deadline: number): Promise<void> {
    await sleep(Math.max(0, from - Date.now()));
    const into = kind === 'rotation' ? this.ledger.rotationRequestIds : this.ledger.revocationRequestIds;
    const field = kind === 'rotation' ? 'requestRotation' : 'requestRevocation';
    for (let done = 0; done < count;) {
      const id = this.unusedIdentity();
      if (!id) {
        await sleep(500);
        continue;
      }
      const outcome = await this.client.call<Record<string, { id: string }>>(this.tokens.admin, kind === 'rotation' ? ROTATE : REVOKE, {
        id,
      });
      // Lifecycle learns identities from inventory's events: one it does not know yet is asked again later.
      if (outcome.kind === 'refused' && outcome.code === 'NOT_FOUND') {
        this.used.delete(id);
        await sleep(300);
        continue;
      }
      const data = this.record(outcome, field);
      const request = data?.[field];
      if (request) into.push(request.id);
      done += 1;
      const left = count - done;
      if (left > 0) await sleep(Math.max(0, (deadline - Date.now()) / left));
    }
  }

  private async exceptions(from: number, deadline: number): Promise<void> {
    await sleep(Math.max(0, from - Date.now()));
    const request = `mutation($input: ExceptionRequestInput!) { requestException(input: $input) { id } }`;
    const approve = `mutation($id: ID!) { approveException(id: $id, note: "chaos: accepted for a while") { id } }`;
    for (let done = 0; done < this.size.exceptions;) {
      const identityId = this.unusedIdentity();
      if (!identityId) {
        await sleep(500);
        continue;
      }
      const expiresAt = new Date(Date.now() + this.random.between(20, 90) * 1000).toISOString();
      const outcome = await this.client.call<{ requestException: { id: string } }>(this.tokens.admin, request, {
        input: { identityId, control: 'ROTATION', justification: 'chaos: vendor cannot rotate this week', expiresAt },
      });
      if (outcome.kind === 'refused' && /not known/.test(outcome.message)) {
        this.used.delete(identityId);
        await sleep(300);
        continue;
      }
      const created = this.record(outcome, 'requestException');
      if (created) {
        this.ledger.exceptionIds.push(created.requestException.id);
        this.record(await this.client.call(this.tokens.approver, approve, { id: created.requestException.id }), 'approveException');
      }
      done += 1;
      const left = this.size.exceptions - done;
      if (left > 0) await sleep(Math.max(0, (deadline - Date.now()) / left));
    }
  }

  private async attestationsAndLeaver(owners: { team: string; leaver: string }, from: number, deadline: number): Promise<void> {
    await sleep(Math.max(0, from - Date.now()));
    const start = `mutation($input: CampaignInput!) { startAttestationCampaign(input: $input) { id } }`;
    const campaign = this.record(
      await this.client.call<{ startAttestationCampaign: { id: string } }>(this.tokens.admin, start, {
        input: { name: `chaos ${this.runId}`, businessUnit: 'Payments', deadline: new Date(Date.now() + 3_600_000).toISOString() },
      }),
      'startAttestationCampaign',
    );
    const attest = `mutation($identityId: ID!, $campaignId: ID!) { attest(identityId: $identityId, campaignId: $campaignId, decision: KEEP) { id } }`;
    if (campaign) {
      const payments = [...this.ids.entries()].filter(([externalId]) => Number(externalId.split('-').pop()) % UNITS.length === 0);
      for (const [, identityId] of this.random.shuffle(payments).slice(0, this.size.attestations)) {
        this.record(
          await this.client.call(this.tokens.admin, attest, { identityId, campaignId: campaign.startAttestationCampaign.id }),
          'attest',
        );
        await sleep(Math.max(0, (deadline - Date.now()) / 2 / Math.max(1, this.size.attestations)));
      }
    }
    // The engineer who owned the payments identities leaves: they go to the team (NHI1's remedy).
    const leave = `mutation($id: ID!) { deactivateOwner(ownerId: $id, reason: "chaos: left the company") { id } }`;
    this.record(await this.client.call(this.tokens.admin, leave, { id: owners.leaver }), 'deactivateOwner');
  }
}
