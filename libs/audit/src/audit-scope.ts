import { AsyncLocalStorage } from 'node:async_hooks';
import type { NhiEvent } from '@nhi/contracts';
import type { AuditActor } from './audit-recorder';
import { MAX_TARGET_IDS, extractTargetIds } from './target-ids';

/**
 * One root mutation field while it runs: what its audit record will say, and
 * whether the record already went into a transaction of the mutation (then
 * the record commits if and only if the mutation's changes do).
 */
export class AuditScope {
  /** Set once the record is in a committing transaction: nothing records it again. */
  recorded = false;
  /** Set when the field settled: transactions after that (a result field's read) are not the mutation's. */
  settled = false;
  private readonly changed = new Set<string>();

  constructor(
    readonly actor: AuditActor | null,
    readonly operation: string,
    readonly input: unknown,
    readonly startedAt: Date,
  ) {}

  /** The ids the mutation's events name: what it changed, known before its result is. */
  noteEvents(events: readonly NhiEvent[]): void {
    for (const event of events) {
      if (this.changed.size >= MAX_TARGET_IDS) return;
      for (const id of extractTargetIds({ id: event.subject, data: event.data })) this.changed.add(id);
    }
  }

  /** The arguments' ids, then those of its events, then those of its result when it is known. */
  targetIds(result?: unknown): string[] {
    return [...new Set([...extractTargetIds(this.input), ...this.changed, ...extractTargetIds(undefined, result)])];
  }

  /** Open for recording inside a transaction: running, and not yet recorded. */
  get open(): boolean {
    return !this.recorded && !this.settled;
  }
}

const scopes = new AsyncLocalStorage<AuditScope>();
/** The scope of each root mutation field, by its resolve info: Apollo's plugin and Nest's interceptor see the same object. */
const byField = new WeakMap<object, AuditScope>();

export function openAuditScope(info: object, scope: AuditScope): void {
  byField.set(info, scope);
}

export function auditScopeOf(info: object): AuditScope | undefined {
  return byField.get(info);
}

export function runInAuditScope<T>(scope: AuditScope, work: () => T): T {
  return scopes.run(scope, work);
}

export function currentAuditScope(): AuditScope | undefined {
  return scopes.getStore();
}
