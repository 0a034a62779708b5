import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '@nhi/messaging';
import type { IdentityState } from '../identity-data/identity-state';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';
import { FindingChanges, findingChanges, findingEvents, findingKey, StoredFinding } from './finding-changes';
import type { FindingDraft } from './finding-draft';
import { FindingEntity } from './finding.entity';
import type { FindingModel } from './finding.model';
import { findingRulesConfig } from './finding-rules-config';
import { identityFindings } from './identity-rules';
import {
  credentialGroups,
  CredentialHolder,
  HolderRow,
  SHARED_CREDENTIAL_CODES,
  sharedCredentialFindings,
} from './shared-credential-rules';

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

/** Every credential whose holders' shared-credential findings a reconcile checks. */
function credentialsToCheck(input: ReconcileInput): string[] {
  const held = input.identities.flatMap((s) => (s.credentialFingerprint ? [s.credentialFingerprint] : []));
  return [...new Set([...(input.fingerprints ?? []), ...held])];
}

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
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
    private readonly outbox: OutboxService,
  ) {}

  async reconcile(manager: EntityManager, input: ReconcileInput, now: Date): Promise<ReconcileResult> {
    const { identities, created = new Set<string>() } = input;
    const fingerprints = credentialsToCheck(input);
    if (identities.length === 0 && fingerprints.length === 0) return { opened: 0, closed: 0 };
    await this.lockCredentials(manager, fingerprints);
    const { desired, neighbours } = await this.desiredFindings(manager, identities, fingerprints, now);
    const checked = [...identities.map((s) => s.id).filter((id) => !created.has(id)), ...neighbours];
    const open = (await this.openFindings(manager, checked)).filter(
      (f) => !neighbours.has(f.identityId) || SHARED_CREDENTIAL_CODES.has(f.code),
    );
    const changes = findingChanges(desired, open);
    await this.store(manager, changes, now);
    await this.outbox.enqueueMany(manager, findingEvents(changes, now));
    return { opened: changes.opened.length, closed: changes.closed.length };
  }

  /** Open and, with includeClosed, closed findings of many identities in one query, newest first. */
  async forIdentities(identityIds: readonly string[], includeClosed: boolean): Promise<Array<FindingModel & { identityId: string }>> {
    const query = this.dataSource
      .getRepository(FindingEntity)
      .createQueryBuilder('f')
      .where('f.identity_id IN (:...ids)', { ids: [...identityIds] })
      .orderBy('f.detected_at', 'DESC');
    if (!includeClosed) query.andWhere('f.closed_at IS NULL');
    // An empty subject is the identity itself: the graph says so with null.
    return (await query.getMany()).map((f) => ({ ...f, subject: f.subject || null }));
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

  /**
   * What the rules say now, keyed by findingKey: every finding of the given
   * identities, and the shared-credential findings of the credentials' other
   * holders (the neighbours), whose other findings this change cannot touch.
   */
  private async desiredFindings(
    manager: EntityManager,
    identities: readonly IdentityState[],
    fingerprints: string[],
    now: Date,
  ): Promise<{ desired: Map<string, FindingDraft>; neighbours: Set<string> }> {
    const [holders, leaks] = await Promise.all([this.holders(manager, fingerprints), this.leakSources(manager, fingerprints)]);
    const groups = credentialGroups(holders);
    const sharedFindings = (holder: CredentialHolder) => {
      const fp = holder.credentialFingerprint;
      return sharedCredentialFindings(holder, fp ? groups.get(fp) : undefined, fp ? (leaks.get(fp) ?? []) : []);
    };
    const desired = new Map<string, FindingDraft>();
    for (const state of identities) {
      const drafts = [...identityFindings(state, now, findingRulesConfig(this.config)), ...sharedFindings(state)];
      for (const draft of drafts) desired.set(findingKey(state.id, draft.code, draft.subject), draft);
    }
    const own = new Set(identities.map((s) => s.id));
    const neighbours = new Set<string>();
    for (const holder of holders) {
      if (own.has(holder.id)) continue;
      neighbours.add(holder.id);
      for (const draft of sharedFindings(holder)) desired.set(findingKey(holder.id, draft.code, draft.subject), draft);
    }
    return { desired, neighbours };
  }

  /** The open findings of these identities, locked until the transaction ends. */
  private async openFindings(manager: EntityManager, identityIds: readonly string[]): Promise<StoredFinding[]> {
    if (identityIds.length === 0) return [];
    return manager.query(
      `SELECT id, identity_id AS "identityId", code, subject, category, severity, detail, evidence FROM identity_findings
       WHERE identity_id = ANY($1::uuid[]) AND closed_at IS NULL FOR UPDATE`,
      [identityIds],
    );
  }

  private async store(manager: EntityManager, { opened, closed, refreshed }: FindingChanges, now: Date): Promise<void> {
    if (opened.length) {
      await manager.query(
        `INSERT INTO identity_findings (id, identity_id, category, code, subject, severity, detail, evidence, detected_at)
         SELECT f."id", f."identityId", f."category", f."code", COALESCE(f."subject", ''), f."severity", f."detail", f."evidence", $2
         FROM json_to_recordset($1::json)
           AS f("id" uuid, "identityId" uuid, "category" text, "code" text, "subject" text, "severity" text, "detail" text, "evidence" jsonb)`,
        [JSON.stringify(opened), now],
      );
    }
    if (closed.length) {
      await manager.query('UPDATE identity_findings SET closed_at = $2 WHERE id = ANY($1::uuid[])', [closed.map((f) => f.id), now]);
    }
    if (refreshed.length) {
      await manager.query(
        `UPDATE identity_findings f SET severity = r."severity", detail = r."detail", evidence = r."evidence"
         FROM json_to_recordset($1::json) AS r("id" uuid, "severity" text, "detail" text, "evidence" jsonb) WHERE f.id = r."id"`,
        [JSON.stringify(refreshed.map(({ id, severity, detail, evidence }) => ({ id, severity, detail, evidence })))],
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
      `SELECT id, credential_fingerprint AS "credentialFingerprint", environment, system, status FROM identities
       WHERE credential_fingerprint = ANY($1::text[])`,
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
