import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventType, FindingCategory, NhiEnvironment, Severity } from '@nhi/contracts';
import { OutboxEventInput, OutboxService } from '@nhi/messaging';
import { identityStore } from '../ingest/identity-store';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';
import type { FindingDraft } from './finding-draft';
import { identityFindings } from './identity-rules';
import { CredentialGroup, sharedCredentialFindings } from './shared-credential-rules';

interface OpenFinding {
  id: string;
  identity_id: string;
  code: string;
  category: FindingCategory;
  severity: Severity;
  detail: string;
}

export interface ReconcileResult {
  opened: number;
  closed: number;
}

/**
 * Keeps stored findings equal to what the rules say now: opens the new ones,
 * closes the ones that no longer hold (both with an event), and refreshes the
 * wording of the rest. Runs inside the caller's transaction.
 */
@Injectable()
export class FindingsService {
  constructor(
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
    private readonly outbox: OutboxService,
  ) {}

  async reconcile(
    manager: EntityManager,
    identityIds: readonly string[],
    alsoFingerprints: readonly string[],
    now: Date,
  ): Promise<ReconcileResult> {
    if (identityIds.length === 0 && alsoFingerprints.length === 0) return { opened: 0, closed: 0 };
    const direct = await identityStore.findByIds(manager, identityIds);
    const fingerprints = [
      ...new Set([...alsoFingerprints, ...direct.flatMap((s) => (s.credentialFingerprint ? [s.credentialFingerprint] : []))]),
    ];
    const sharing: Array<{ id: string }> = fingerprints.length
      ? await manager.query('SELECT id FROM identities WHERE credential_fingerprint = ANY($1::text[])', [fingerprints])
      : [];
    const known = new Set(direct.map((s) => s.id));
    const states = [
      ...direct,
      ...(await identityStore.findByIds(
        manager,
        sharing.map((r) => r.id).filter((id) => !known.has(id)),
      )),
    ];
    const [groups, leaks] = await Promise.all([this.credentialGroups(manager, fingerprints), this.leakSources(manager, fingerprints)]);

    const desired = new Map<string, FindingDraft>();
    for (const state of states) {
      const fp = state.credentialFingerprint;
      const drafts = [
        ...identityFindings(state, now, { maxCredentialAgeDays: this.config.MAX_CREDENTIAL_AGE_DAYS }),
        ...sharedCredentialFindings(state, fp ? groups.get(fp) : undefined, fp ? (leaks.get(fp) ?? []) : []),
      ];
      for (const draft of drafts) desired.set(`${state.id}\n${draft.code}`, draft);
    }

    const open: OpenFinding[] = await manager.query(
      `SELECT id, identity_id, code, category, severity, detail FROM identity_findings
       WHERE identity_id = ANY($1::uuid[]) AND closed_at IS NULL FOR UPDATE`,
      [states.map((s) => s.id)],
    );
    const openByKey = new Map(open.map((f) => [`${f.identity_id}\n${f.code}`, f]));
    const toOpen = [...desired].filter(([key]) => !openByKey.has(key));
    const toClose = open.filter((f) => !desired.has(`${f.identity_id}\n${f.code}`));
    const toRefresh = open.filter((f) => {
      const draft = desired.get(`${f.identity_id}\n${f.code}`);
      return draft && (draft.severity !== f.severity || draft.detail !== f.detail);
    });

    const events: Array<OutboxEventInput<EventType>> = [];
    const opened = toOpen.map(([key, draft]) => ({ id: randomUUID(), identityId: key.split('\n')[0] ?? '', ...draft }));
    if (opened.length) {
      await manager.query(
        `INSERT INTO identity_findings (id, identity_id, category, code, severity, detail, detected_at)
         SELECT id, identity_id, category, code, severity, detail, $7 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
           AS f(id, identity_id, category, code, severity, detail)`,
        [
          opened.map((f) => f.id),
          opened.map((f) => f.identityId),
          opened.map((f) => f.category),
          opened.map((f) => f.code),
          opened.map((f) => f.severity),
          opened.map((f) => f.detail),
          now,
        ],
      );
      for (const f of opened) {
        events.push({
          type: 'nhi.finding.opened',
          subject: f.identityId,
          data: {
            identityId: f.identityId,
            findingId: f.id,
            category: f.category,
            code: f.code,
            severity: f.severity,
            detail: f.detail,
            detectedAt: now.toISOString(),
          },
        });
      }
    }
    if (toClose.length) {
      await manager.query('UPDATE identity_findings SET closed_at = $2 WHERE id = ANY($1::uuid[])', [toClose.map((f) => f.id), now]);
      for (const f of toClose) {
        events.push({
          type: 'nhi.finding.closed',
          subject: f.identity_id,
          data: { identityId: f.identity_id, findingId: f.id, category: f.category, code: f.code, closedAt: now.toISOString() },
        });
      }
    }
    for (const f of toRefresh) {
      const draft = desired.get(`${f.identity_id}\n${f.code}`);
      if (draft)
        await manager.query('UPDATE identity_findings SET severity = $2, detail = $3 WHERE id = $1', [f.id, draft.severity, draft.detail]);
    }
    await this.outbox.enqueueMany(manager, events);
    return { opened: opened.length, closed: toClose.length };
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

  private async credentialGroups(manager: EntityManager, fingerprints: string[]): Promise<Map<string, CredentialGroup>> {
    if (fingerprints.length === 0) return new Map();
    const rows: Array<{ fp: string; environments: NhiEnvironment[]; systems: string[] | null }> = await manager.query(
      `SELECT credential_fingerprint AS fp, array_agg(DISTINCT environment) AS environments,
              array_agg(DISTINCT system) FILTER (WHERE system IS NOT NULL) AS systems
       FROM identities WHERE credential_fingerprint = ANY($1::text[]) AND status <> 'DECOMMISSIONED'
       GROUP BY credential_fingerprint`,
      [fingerprints],
    );
    return new Map(rows.map((r) => [r.fp, { environments: r.environments, systems: r.systems ?? [] }]));
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
