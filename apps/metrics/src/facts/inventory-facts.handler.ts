import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IdentitySnapshot } from '@nhi/contracts';
import { EventBatchHandler, type ReceivedEventOf } from '@nhi/messaging';
import { FactRows, instant, latest, type FactRow } from './fact-rows';
import { FactsWriter } from './facts-writer';
import type { HistoryEntry } from './state-history';

interface IdentityFact extends FactRow<Record<string, string>> {
  identity_id: string;
  kind: string;
  environment: string;
  provider: string;
  business_unit: string | null;
  system: string | null;
  privilege_level: string | null;
  status: string;
  credential_created_at: string | null;
  name: string;
  external_id: string;
  tags: Record<string, string>;
  expires_at: string | null;
  registered_at: string;
  updated_at: string;
}

interface FindingFact extends FactRow {
  finding_id: string;
  identity_id: string;
  category: string;
  severity: string | null;
  opened_at: string | null;
  closed_at: string | null;
  updated_at: string;
}

const IDENTITY_COLUMNS: Array<keyof IdentityFact & string> = [
  'identity_id',
  'kind',
  'environment',
  'provider',
  'business_unit',
  'system',
  'privilege_level',
  'status',
  'credential_created_at',
  'name',
  'external_id',
  'tags',
  'expires_at',
  'registered_at',
  'updated_at',
];
const FINDING_COLUMNS: Array<keyof FindingFact & string> = [
  'finding_id',
  'identity_id',
  'category',
  'severity',
  'opened_at',
  'closed_at',
  'updated_at',
];

const TYPES = [
  'nhi.identity.discovered',
  'nhi.identity.updated',
  'nhi.identity.stale',
  'nhi.identity.decommissioned',
  'nhi.finding.opened',
  'nhi.finding.closed',
] as const;
type InventoryEvent = ReceivedEventOf<(typeof TYPES)[number]>;

function attributes(identity: IdentitySnapshot) {
  return {
    kind: identity.kind,
    environment: identity.environment,
    provider: identity.provider,
    business_unit: identity.businessUnit,
    system: identity.system,
    privilege_level: identity.privilegeLevel,
    status: identity.status,
    credential_created_at: identity.createdAt,
    // What the portal's search (identity_search) matches and filters on: names and tags, never secret material.
    name: identity.name,
    external_id: identity.externalId,
    tags: identity.tags,
    expires_at: identity.expiresAt,
  };
}

/**
 * Identities and findings, as inventory's events tell them. Metrics counts
 * only what events told it, so its numbers can be rebuilt from the topics.
 * A row keeps the time of the newest event applied to it; an older event
 * (a rebuild reading a partition again) never overwrites a newer one.
 * A run of events is folded in memory and written in a few statements.
 */
@Injectable()
export class InventoryFactsHandler {
  constructor(private readonly facts: FactsWriter) {}

  @EventBatchHandler(TYPES, {
    formerly: {
      'nhi.identity.discovered': 'onDiscovered',
      'nhi.identity.updated': 'onUpdated',
      'nhi.identity.stale': 'onStale',
      'nhi.identity.decommissioned': 'onDecommissioned',
      'nhi.finding.opened': 'onFindingOpened',
      'nhi.finding.closed': 'onFindingClosed',
    },
  })
  async apply(events: readonly InventoryEvent[], manager: EntityManager): Promise<void> {
    const identityIds = events.flatMap((e) => (isFindingEvent(e) ? [] : [identityOf(e)]));
    const findingIds = events.flatMap((e) => (isFindingEvent(e) ? [e.data.findingId] : []));
    const identities = await FactRows.load<IdentityFact>(manager, 'identity_facts', 'identity_id', IDENTITY_COLUMNS, identityIds);
    const findings = await FactRows.load<FindingFact>(manager, 'finding_facts', 'finding_id', FINDING_COLUMNS, findingIds);
    const history: HistoryEntry[] = [];
    for (const event of events) {
      if (isFindingEvent(event)) foldFinding(event, findings, history);
      else foldIdentity(event, identities, history);
    }
    await this.facts.write(manager, { events, tables: [identities, findings], history, identityIds: events.map(identityOf) });
  }
}

function foldIdentity(event: Exclude<InventoryEvent, FindingEvent>, identities: FactRows<IdentityFact>, history: HistoryEntry[]): void {
  switch (event.type) {
    case 'nhi.identity.discovered': {
      const { identity, discoveredAt } = event.data;
      if (!identities.get(identity.id)) {
        identities.set(identity.id, {
          identity_id: identity.id,
          ...attributes(identity),
          registered_at: discoveredAt,
          updated_at: discoveredAt,
        });
      }
      history.push(
        { identityId: identity.id, attribute: 'live', value: '1', at: discoveredAt },
        { identityId: identity.id, attribute: 'business_unit', value: identity.businessUnit, at: discoveredAt },
      );
      return;
    }
    case 'nhi.identity.updated': {
      const { identity, updatedAt, changes } = event.data;
      const row = identities.get(identity.id);
      if (row && instant(row.updated_at) <= instant(updatedAt)) {
        identities.set(identity.id, { ...row, ...attributes(identity), updated_at: updatedAt });
      }
      if (changes.some((change) => change.field === 'businessUnit')) {
        history.push({ identityId: identity.id, attribute: 'business_unit', value: identity.businessUnit, at: updatedAt });
      }
      return;
    }
    case 'nhi.identity.stale':
      setStatus(identities, event.data.id, 'STALE', event.data.staleAt);
      return;
    case 'nhi.identity.decommissioned':
      setStatus(identities, event.data.id, 'DECOMMISSIONED', event.data.decommissionedAt);
      history.push({ identityId: event.data.id, attribute: 'live', value: '0', at: event.data.decommissionedAt });
      return;
  }
}

function foldFinding(event: FindingEvent, findings: FactRows<FindingFact>, history: HistoryEntry[]): void {
  const { findingId, identityId, category } = event.data;
  const row = findings.get(findingId);
  if (event.type === 'nhi.finding.opened') {
    const { detectedAt, severity } = event.data;
    if (!row) {
      findings.set(findingId, {
        finding_id: findingId,
        identity_id: identityId,
        category,
        severity,
        opened_at: detectedAt,
        closed_at: null,
        updated_at: detectedAt,
      });
    }
    history.push({ identityId, attribute: `finding:${findingId}`, value: '1', at: detectedAt });
    return;
  }
  const { closedAt } = event.data;
  findings.set(
    findingId,
    row
      ? { ...row, closed_at: closedAt, updated_at: latest(row.updated_at, closedAt) ?? closedAt }
      : {
          finding_id: findingId,
          identity_id: identityId,
          category,
          severity: null,
          opened_at: null,
          closed_at: closedAt,
          updated_at: closedAt,
        },
  );
  history.push({ identityId, attribute: `finding:${findingId}`, value: '0', at: closedAt });
}

type FindingEvent = Extract<InventoryEvent, { type: 'nhi.finding.opened' | 'nhi.finding.closed' }>;

function isFindingEvent(event: InventoryEvent): event is FindingEvent {
  return event.type === 'nhi.finding.opened' || event.type === 'nhi.finding.closed';
}

/** The identity an inventory event is about. */
function identityOf(event: InventoryEvent): string {
  if (isFindingEvent(event)) return event.data.identityId;
  return event.type === 'nhi.identity.discovered' || event.type === 'nhi.identity.updated' ? event.data.identity.id : event.data.id;
}

function setStatus(identities: FactRows<IdentityFact>, identityId: string, status: string, at: string): void {
  const row = identities.get(identityId);
  if (row && instant(row.updated_at) <= instant(at)) identities.set(identityId, { ...row, status, updated_at: at });
}
