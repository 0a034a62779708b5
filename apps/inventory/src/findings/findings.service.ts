import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { timeOrderedUuid, type EventType, type FindingCategory, type NhiEnvironment, type Severity } from '@nhi/contracts';
import { OutboxEventInput, OutboxService } from '@nhi/messaging';
import type { IdentityState } from '../ingest/identity-state';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';
import type { FindingDraft } from './finding-draft';
import { identityFindings } from './identity-rules';
import { CredentialGroup, CredentialHolder, SHARED_CREDENTIAL_CODES, sharedCredentialFindings } from './shared-credential-rules';

interface OpenFinding {
  id: string;
  identity_id: string;
  code: string;
  category: FindingCategory;
  severity: Severity;
  detail: string;
}

interface HolderRow {
  id: string;
  credential_fingerprint: string;
  environment: NhiEnvironment;
  system: string | null;
  status: IdentityState['status'];
}

export interface ReconcileInput {
  /** Identities whose own data changed, as now written: every finding of theirs is checked. */
  identities: readonly IdentityState[];
  /** Those of them created in this transaction, which have no stored findings yet. */
  created?: ReadonlySet<string>;
  /** More credentials whose holders' shared-credential findings must be checked (a rotated-away fingerprint, a leak). */
  fingerprints?: readonly string[];
}

export interface ReconcileResult {
  opened: number;
  closed: number;
}

const findingKey = (identityId: string, code: string) => `${identityId}\n${code}`;

/**
 * Keeps stored findings equal to what the rules say now: opens the new ones,
 * closes the ones that no longer hold (both with an event), and refreshes the
 * wording of the rest. Runs inside the caller's transaction, set-based: the
 * identities come from the caller, and the other holders of their credentials
 * are read once, with only the columns the shared-credential rules need.
 */
@Injectable()
export class FindingsService {
  constructor(
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
    private readonly outbox: OutboxService,
  ) {}

  async reconcile(manager: EntityManager, input: ReconcileInput, now: Date): Promise<ReconcileResult> {
    const { identities, created = new Set<string>() } = input;
    const fingerprints = [
      ...new Set([...(input.fingerprints ?? []), ...identities.flatMap((s) => (s.credentialFingerprint ? [s.credentialFingerprint] : []))]),
    ];
    if (identities.length === 0 && fingerprints.length === 0) return { opened: 0, closed: 0 };
    await this.lockCredentials(manager, fingerprints);
    const [holders, leaks] = await Promise.all([this.holders(manager, fingerprints), this.leakSources(manager, fingerprints)]);
    const groups = credentialGroups(holders);
    const sharedFindings = (holder: CredentialHolder) => {
      const fp = holder.credentialFingerprint;
      return sharedCredentialFindings(holder, fp ? groups.get(fp) : undefined, fp ? (leaks.get(fp) ?? []) : []);
    };

    const desired = new Map<string, FindingDraft>();
    for (const state of identities) {
      const drafts = [
        ...identityFindings(state, now, { maxCredentialAgeDays: this.config.MAX_CREDENTIAL_AGE_DAYS }),
        ...sharedFindings(state),
      ];
      for (const draft of drafts) desired.set(findingKey(state.id, draft.code), draft);
    }
    // Other holders of these credentials: only their shared-credential findings can have changed.
    const own = new Set(identities.map((s) => s.id));
    const neighbours = new Set<string>();
    for (const holder of holders) {
      if (own.has(holder.id)) continue;
      neighbours.add(holder.id);
      const drafts = sharedFindings({
        status: holder.status,
        credentialFingerprint: holder.credential_fingerprint,
        environment: holder.environment,
      });
      for (const draft of drafts) desired.set(findingKey(holder.id, draft.code), draft);
    }

    const checked = [...identities.map((s) => s.id).filter((id) => !created.has(id)), ...neighbours];
    const stored: OpenFinding[] = checked.length
      ? await manager.query(
          `SELECT id, identity_id, code, category, severity, detail FROM identity_findings
           WHERE identity_id = ANY($1::uuid[]) AND closed_at IS NULL FOR UPDATE`,
          [checked],
        )
      : [];
    const open = stored.filter((f) => !neighbours.has(f.identity_id) || SHARED_CREDENTIAL_CODES.has(f.code));
    const openKeys = new Set(open.map((f) => findingKey(f.identity_id, f.code)));
    const opened = [...desired]
      .filter(([key]) => !openKeys.has(key))
      .map(([key, draft]) => ({ id: timeOrderedUuid(), identityId: key.slice(0, key.indexOf('\n')), ...draft }));
    const closed = open.filter((f) => !desired.has(findingKey(f.identity_id, f.code)));
    const refreshed = open.flatMap((f) => {
      const draft = desired.get(findingKey(f.identity_id, f.code));
      return draft && (draft.severity !== f.severity || draft.detail !== f.detail) ? [{ id: f.id, ...draft }] : [];
    });

    await this.store(manager, opened, closed, refreshed, now);
    const at = now.toISOString();
    const events: Array<OutboxEventInput<EventType>> = [
      ...opened.map((f) => ({
        type: 'nhi.finding.opened' as const,
        subject: f.identityId,
        data: {
          identityId: f.identityId,
          findingId: f.id,
          category: f.category,
          code: f.code,
          severity: f.severity,
          detail: f.detail,
          detectedAt: at,
        },
      })),
      ...closed.map((f) => ({
        type: 'nhi.finding.closed' as const,
        subject: f.identity_id,
        data: { identityId: f.identity_id, findingId: f.id, category: f.category, code: f.code, closedAt: at },
      })),
    ];
    await this.outbox.enqueueMany(manager, events);
    return { opened: opened.length, closed: closed.length };
  }

  /** Leak-scanner sources report fingerprints that leaked; every identity holding one gets NHI2. */
  async recordLeaks(manager: EntityManager, source: string, fingerprints: readonly string[], now: Date): Promise<void> {
    if (fingerprints.length === 0) return;
    await manager.query(
      `INSERT INTO leaked_fingerprints (fingerprint, source, reported_at) SELECT fp, $2, $3 FROM unnest($1::text[]) AS l(fp)
       ON CONFLICT (fingerprint, source) DO UPDATE SET reported_at = excluded.reported_at`,
      [[...new Set(fingerprints)], source, now],
    );
  }

  isLeakScanner(source: string): boolean {
    return this.config.LEAK_SCANNER_SOURCES.includes(source.toLowerCase());
  }

  private async store(
    manager: EntityManager,
    opened: ReadonlyArray<FindingDraft & { id: string; identityId: string }>,
    closed: readonly OpenFinding[],
    refreshed: ReadonlyArray<FindingDraft & { id: string }>,
    now: Date,
  ): Promise<void> {
    if (opened.length) {
      await manager.query(
        `INSERT INTO identity_findings (id, identity_id, category, code, severity, detail, detected_at)
         SELECT f."id", f."identityId", f."category", f."code", f."severity", f."detail", $2
         FROM json_to_recordset($1::json)
           AS f("id" uuid, "identityId" uuid, "category" text, "code" text, "severity" text, "detail" text)`,
        [JSON.stringify(opened), now],
      );
    }
    if (closed.length) {
      await manager.query('UPDATE identity_findings SET closed_at = $2 WHERE id = ANY($1::uuid[])', [closed.map((f) => f.id), now]);
    }
    if (refreshed.length) {
      await manager.query(
        `UPDATE identity_findings f SET severity = r.severity, detail = r.detail
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(id, severity, detail) WHERE f.id = r.id`,
        [refreshed.map((f) => f.id), refreshed.map((f) => f.severity), refreshed.map((f) => f.detail)],
      );
    }
  }

  /**
   * Two writers adding holders of one credential at the same time would each miss
   * the other's uncommitted row and neither would see it shared. Holding a lock
   * per credential until commit makes the later one see both. Taken in one
   * order, so two writers never wait on each other in a circle.
   */
  private async lockCredentials(manager: EntityManager, fingerprints: string[]): Promise<void> {
    if (fingerprints.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('nhi.credential'), k)
       FROM (SELECT DISTINCT hashtext(fp) AS k FROM unnest($1::text[]) AS fp ORDER BY k) AS credential`,
      [fingerprints],
    );
  }

  /** Everyone holding one of these credentials, with what the shared-credential rules need. */
  private async holders(manager: EntityManager, fingerprints: string[]): Promise<HolderRow[]> {
    if (fingerprints.length === 0) return [];
    return manager.query(
      `SELECT id, credential_fingerprint, environment, system, status FROM identities WHERE credential_fingerprint = ANY($1::text[])`,
      [fingerprints],
    );
  }

  private async leakSources(manager: EntityManager, fingerprints: string[]): Promise<Map<string, string[]>> {
    if (fingerprints.length === 0) return new Map();
    const rows: Array<{ fingerprint: string; sources: string[] }> = await manager.query(
      'SELECT fingerprint, array_agg(source) AS sources FROM leaked_fingerprints WHERE fingerprint = ANY($1::text[]) GROUP BY fingerprint',
      [fingerprints],
    );
    return new Map(rows.map((r) => [r.fingerprint, r.sources]));
  }
}

/** Per credential, the environments and systems of the holders still in use. */
function credentialGroups(holders: readonly HolderRow[]): Map<string, CredentialGroup> {
  const sets = new Map<string, { environments: Set<NhiEnvironment>; systems: Set<string> }>();
  for (const holder of holders) {
    if (holder.status === 'DECOMMISSIONED') continue;
    let group = sets.get(holder.credential_fingerprint);
    if (!group) {
      group = { environments: new Set(), systems: new Set() };
      sets.set(holder.credential_fingerprint, group);
    }
    group.environments.add(holder.environment);
    if (holder.system !== null) group.systems.add(holder.system);
  }
  return new Map([...sets].map(([fp, group]) => [fp, { environments: [...group.environments], systems: [...group.systems] }]));
}
