import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { ContractViolationError, timeOrderedUuid, type EventType } from '@nhi/contracts';
import { badInput, notFound } from '@nhi/graphql';
import type { OutboxEventInput, OutboxService } from '@nhi/messaging';
import { runExclusively } from '@nhi/runtime';
import type { IntegratorsService } from '../integrators/integrators.service';
import { UntrustedResultError } from '../integrators/untrusted-result.error';
import type { MassActionLedger } from '../requests/mass-action-ledger';
import { UUID } from '../mass-actions/mass-selection';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import type { LifecycleConfig } from '../lifecycle-config';
import { RotationPolicyEntity } from '../policies/rotation-policy.entity';
import type { CredentialRequestColumns } from '../requests/credential-request.entity';
import { screenResult } from './result-screening';
import { RunWrites } from './run-writes';
import { insertRows } from './set-based-rows';
import type { HandshakeResult, ResultData } from './handshake-result';

const MINUTE_MS = 60_000;

/** An attempt in progress, as a new request's refusal names it. */
interface OpenRequest {
  id: string;
  deadline: Date;
}

/** Identities a mass action starts per statement: well under PostgreSQL's 65,535 bind parameters for a request insert. */
const MASS_CHUNK = 2_000;

/** NOT_FOUND on the input's identityId; the id is not repeated. */
const unknownIdentity = () => notFound("lifecycle knows no identity with that id; identities arrive from inventory's events", 'identityId');

/** Results that matched no open request: logged and counted, never applied. */
export interface IgnoredResults {
  unknown: number;
  settled: number;
}

export type { HandshakeResult, ResultData } from './handshake-result';

export type AttemptEnd = 'FAILED' | 'TIMED_OUT';

/** Which policy governs an identity, from every policy read once. */
interface Policies {
  of(identity: IdentityLifecycleEntity): RotationPolicyEntity;
}

/**
 * The handshake with integrators (DESIGN.md), the same for rotation and
 * revocation: each attempt is a request with its own id and deadline; a result
 * settles the attempt it names, once; a failure or a missed deadline leads to
 * a new attempt after an exponential backoff, up to the policy's maxAttempts.
 * Subclasses say what a request, a success and a final failure mean: R is
 * their request table's row, Completed the data of their completed result.
 */
export abstract class CredentialHandshake<R extends CredentialRequestColumns, Completed extends ResultData> {
  readonly ignored: IgnoredResults = { unknown: 0, settled: 0 };
  protected readonly logger: Logger;
  /** The run of results being applied, if any: its writes are held and made together at its end. */
  private readonly runs = new AsyncLocalStorage<{ writes: RunWrites; policies: Policies }>();

  protected constructor(
    protected readonly label: 'rotation' | 'revocation',
    private readonly requestClass: new () => R,
    protected readonly dataSource: DataSource,
    protected readonly config: LifecycleConfig,
    protected readonly outbox: OutboxService,
    private readonly integrators: IntegratorsService,
    private readonly massActions: MassActionLedger,
  ) {
    this.logger = new Logger(label === 'rotation' ? 'Rotation' : 'Revocation');
  }

  /** The state an identity is in while an attempt is out. */
  protected abstract readonly inFlight: 'ROTATING' | 'REVOKING';

  /** What one attempt publishes: the request to the integrator and the lifecycle event. */
  protected abstract announcements(identity: IdentityLifecycleEntity, request: R): Array<OutboxEventInput<EventType>>;

  protected abstract succeed(
    manager: EntityManager,
    identity: IdentityLifecycleEntity,
    request: R,
    result: Completed,
    now: Date,
  ): Promise<void>;

  /** Publishes a failed or timed-out attempt and, when it was the last, sets the identity's state. */
  protected abstract fail(
    manager: EntityManager,
    identity: IdentityLifecycleEntity,
    request: R,
    end: AttemptEnd,
    final: boolean,
    now: Date,
  ): Promise<void>;

  /** What every request on an integrator topic names: the attempt and the credential at the integrator. */
  protected integratorTarget(identity: IdentityLifecycleEntity, request: R) {
    return {
      requestId: request.id,
      nhiId: identity.identityId,
      provider: identity.provider,
      externalId: identity.externalId,
      kind: identity.kind,
    };
  }

  /**
   * The request table through the columns both handshakes share: what the
   * handshake itself reads and writes, typed without knowing R's own columns.
   */
  protected requests(manager: EntityManager): Repository<CredentialRequestColumns> {
    return manager.getRepository<CredentialRequestColumns>(this.requestClass);
  }

  /** Whole rows of the request table, R's own columns included, locked for the transaction. */
  private lockedRequests(manager: EntityManager): SelectQueryBuilder<R> {
    return manager.getRepository(this.requestClass).createQueryBuilder('r').setLock('pessimistic_write');
  }

  /**
   * Changes a loaded row in place and in the database with one UPDATE (save()
   * would read it again first: a round trip per change, and round trips are
   * what a burst of rotations is made of).
   */
  protected async setRequest(manager: EntityManager, request: R, changes: Partial<CredentialRequestColumns> | Partial<R>): Promise<void> {
    Object.assign(request, changes);
    const run = this.runs.getStore();
    if (run) run.writes.update(this.requestClass, request.id, changes);
    else await this.requests(manager).update({ id: request.id }, changes as Partial<CredentialRequestColumns>);
  }

  protected async setIdentity(
    manager: EntityManager,
    identity: IdentityLifecycleEntity,
    changes: Partial<IdentityLifecycleEntity>,
  ): Promise<void> {
    Object.assign(identity, changes);
    const run = this.runs.getStore();
    if (run) run.writes.update(IdentityLifecycleEntity, identity.identityId, changes);
    else await manager.getRepository(IdentityLifecycleEntity).update({ identityId: identity.identityId }, changes);
  }

  /** Puts an event in the outbox: at once, or with the rest of the run of results being applied. */
  protected async publish(manager: EntityManager, event: OutboxEventInput<EventType>): Promise<void> {
    const run = this.runs.getStore();
    if (run) run.writes.publish(event);
    else await this.outbox.enqueue(manager, event);
  }

  protected async lockIdentity(manager: EntityManager, identityId: string): Promise<IdentityLifecycleEntity> {
    const identity = await manager
      .getRepository(IdentityLifecycleEntity)
      .findOne({ where: { identityId }, lock: { mode: 'pessimistic_write' } });
    if (!identity) throw unknownIdentity();
    return identity;
  }

  /**
   * What a new request checks, in one statement: the identity, locked, and the attempt of this handshake
   * already in progress on it, if any. The caller decides in its own order (who may act comes before
   * saying that a request is open).
   */
  protected async lockForRequest(
    manager: EntityManager,
    identityId: string,
  ): Promise<{ identity: IdentityLifecycleEntity; open: OpenRequest | null }> {
    // Identity ids are UUIDs: anything else names no identity, and must not reach the uuid column as a cast error.
    if (!UUID.test(identityId)) throw unknownIdentity();
    const table = this.requests(manager).metadata.tableName;
    const { entities, raw } = await manager
      .getRepository(IdentityLifecycleEntity)
      .createQueryBuilder('l')
      .addSelect(
        `(SELECT json_build_object('id', r.id, 'deadline', r.deadline) FROM ${table} r
          WHERE r.identity_id = l.identity_id AND r.status = 'REQUESTED' LIMIT 1)`,
        'open',
      )
      .where('l.identity_id = :identityId', { identityId })
      .setLock('pessimistic_write')
      .getRawAndEntities<{ open: { id: string; deadline: string } | null }>();
    const [identity] = entities;
    if (!identity) throw unknownIdentity();
    const open = raw[0]?.open;
    return { identity, open: open ? { id: open.id, deadline: new Date(open.deadline) } : null };
  }

  protected refuseIfOpen(open: OpenRequest | null): void {
    if (open) {
      throw badInput(
        `a ${this.label} of this identity is already in progress (request ${open.id}, deadline ${open.deadline.toISOString()})`,
        'identityId',
      );
    }
  }

  /** Starts one attempt: a new request id, a deadline from the policy, and its announcements. */
  protected async attempt(
    manager: EntityManager,
    identity: IdentityLifecycleEntity,
    attempt: number,
    reason: string,
    now: Date,
    extra: Partial<R> = {},
  ): Promise<R> {
    const policy = await this.policyOf(manager, identity);
    const request = this.newRequest(identity, attempt, reason, now, policy, extra);
    await this.requests(manager).insert(request);
    await this.setIdentity(manager, identity, { state: this.inFlight });
    await this.outbox.enqueueMany(manager, this.announcements(identity, request));
    return request;
  }

  /**
   * First attempts for many identities at once (a mass action), set-based:
   * per chunk, one insert of the requests, one update of the identities'
   * states and one outbox insert of their announcements. The caller has
   * locked the identities and decided that each may start one.
   */
  protected async attemptMany(
    manager: EntityManager,
    identities: readonly IdentityLifecycleEntity[],
    reason: string,
    now: Date,
    extra: (identity: IdentityLifecycleEntity) => Partial<R>,
  ): Promise<void> {
    const policies = await this.policies(manager);
    for (let start = 0; start < identities.length; start += MASS_CHUNK) {
      const chunk = identities.slice(start, start + MASS_CHUNK);
      const requests = chunk.map((identity) => this.newRequest(identity, 1, reason, now, policies.of(identity), extra(identity)));
      await insertRows(manager, this.requestClass, requests);
      await manager.query('UPDATE identity_lifecycle SET state = $1 WHERE identity_id = ANY($2)', [
        this.inFlight,
        chunk.map((identity) => identity.identityId),
      ]);
      for (const identity of chunk) identity.state = this.inFlight;
      await this.outbox.enqueueMany(
        manager,
        chunk.flatMap((identity, i) => this.announcements(identity, requests[i] as R)),
      );
    }
  }

  private newRequest(
    identity: IdentityLifecycleEntity,
    attempt: number,
    reason: string,
    now: Date,
    policy: RotationPolicyEntity,
    extra: Partial<R>,
  ): R {
    const columns: CredentialRequestColumns = {
      id: timeOrderedUuid(),
      identityId: identity.identityId,
      status: 'REQUESTED',
      attempt,
      reason,
      requestedAt: now,
      deadline: new Date(now.getTime() + policy.deadlineMinutes * MINUTE_MS),
      completedAt: null,
      error: null,
      nextAttemptAt: null,
      retriedAt: null,
    };
    return Object.assign(new this.requestClass(), columns, extra);
  }

  /** Applies an integrator's result to the attempt it names, once. */
  applyResult(manager: EntityManager, received: HandshakeResult<Completed>, now = new Date()): Promise<void> {
    return this.applyResults(manager, [received], now);
  }

  /**
   * Applies a run of results in order, leaving what one at a time would: the
   * requests they name are locked in one statement and those requests'
   * identities in one more (each in key order, so two runs cannot deadlock),
   * and an integrator's trust is read once per provider. A result that breaks
   * the contract throws, and the consumer applies the run again one by one.
   */
  async applyResults(manager: EntityManager, received: readonly HandshakeResult<Completed>[], now = new Date()): Promise<void> {
    const results = received.map((one) => {
      const { result, withheld } = screenResult(one);
      if (withheld.length > 0) {
        this.logger.warn(
          `withheld ${withheld.join(' and ')} of a ${this.label} ${result.outcome} result for request ${result.data.requestId}: it looked like secret material`,
        );
      }
      return result;
    });
    const requests = await this.lockRequests(
      manager,
      results.map((result) => result.data.requestId),
    );
    const identities = await this.lockIdentities(
      manager,
      [...requests.values()].map((request) => request.identityId),
    );
    const run = { writes: new RunWrites(), policies: await this.policies(manager) };
    const settled = await this.runs.run(run, () => this.settle(manager, results, requests, identities, now));
    await run.writes.flush(manager, this.outbox);
    await this.massActions.finishIfDone(manager, this.massActionKind, settled, now);
  }

  /** Settles each result in order on the locked rows; returns the mass actions of the requests it settled. */
  private async settle(
    manager: EntityManager,
    results: ReadonlyArray<HandshakeResult<Completed>>,
    requests: Map<string, R>,
    identities: Map<string, IdentityLifecycleEntity>,
    now: Date,
  ): Promise<Array<string | null | undefined>> {
    const trusted = new Map<string, boolean>();
    const settled: Array<string | null | undefined> = [];
    for (const result of results) {
      const { requestId, nhiId } = result.data;
      const request = requests.get(requestId.toLowerCase());
      if (!request) {
        this.ignored.unknown += 1;
        this.logger.warn(
          `ignored a ${this.label} ${result.outcome} result for unknown request ${requestId} (${this.ignored.unknown} so far)`,
        );
        continue;
      }
      // A UUID means the same in either case (RFC 9562); integrators may write it in upper case.
      if (request.identityId !== nhiId.toLowerCase()) {
        throw new ContractViolationError(
          `${this.label} result for request ${requestId} names identity ${nhiId}, but the request is for ${request.identityId}`,
        );
      }
      if (request.status !== 'REQUESTED') {
        this.ignored.settled += 1;
        this.logger.warn(
          `ignored a ${this.label} ${result.outcome} result for request ${requestId}, already ${request.status} (${this.ignored.settled} so far)`,
        );
        continue;
      }
      const identity = identities.get(request.identityId);
      if (!identity) throw unknownIdentity();
      const trust = `${result.source}\n${identity.provider}`;
      if (!trusted.has(trust)) trusted.set(trust, await this.integrators.trusts(manager, result.source, identity.provider));
      if (!trusted.get(trust)) throw new UntrustedResultError(this.label, requestId, identity.provider);
      if (result.outcome === 'completed') {
        await this.setRequest(manager, request, { status: 'COMPLETED', completedAt: now });
        await this.succeed(manager, identity, request, result.data, now);
      } else {
        await this.end(manager, identity, request, 'FAILED', result.data.error, now);
      }
      settled.push(request.massActionId);
    }
    return settled;
  }

  private get massActionKind(): 'ROTATION' | 'REVOCATION' {
    return this.label === 'rotation' ? 'ROTATION' : 'REVOCATION';
  }

  /** The named requests that exist, locked in one statement in key order, by their id in lower case. */
  private async lockRequests(manager: EntityManager, ids: readonly string[]): Promise<Map<string, R>> {
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))].sort();
    const rows = await this.lockedRequests(manager).where('r.id = ANY(:ids)', { ids: wanted }).orderBy('r.id').getMany();
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Identities' rows, locked in one statement in key order. */
  private async lockIdentities(manager: EntityManager, ids: readonly string[]): Promise<Map<string, IdentityLifecycleEntity>> {
    const wanted = [...new Set(ids)].sort();
    if (wanted.length === 0) return new Map();
    const rows = await manager
      .getRepository(IdentityLifecycleEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.identity_id = ANY(:ids)', { ids: wanted })
      .orderBy('i.identity_id')
      .getMany();
    return new Map(rows.map((row) => [row.identityId, row]));
  }

  /** Attempts past their deadline time out; attempts whose backoff is over are retried. One instance at a time across replicas. */
  async tick(now = new Date()): Promise<{ timedOut: number; retried: number }> {
    const done = await runExclusively(this.dataSource, `nhi.lifecycle.${this.label}-tick`, async (manager) => {
      const overdue = await this.lockedRequests(manager)
        .where("r.status = 'REQUESTED' AND r.deadline <= :now", { now })
        .orderBy('r.deadline')
        .limit(500)
        .setOnLocked('skip_locked')
        .getMany();
      for (const request of overdue) {
        const identity = await this.lockIdentity(manager, request.identityId);
        await this.end(manager, identity, request, 'TIMED_OUT', `no result by the deadline, ${request.deadline.toISOString()}`, now);
      }
      const due = await this.lockedRequests(manager)
        .where('r.retried_at IS NULL AND r.next_attempt_at <= :now', { now })
        .orderBy('r.next_attempt_at')
        .limit(500)
        .setOnLocked('skip_locked')
        .getMany();
      let retried = 0;
      for (const previous of due) {
        await this.setRequest(manager, previous, { retriedAt: now });
        const identity = await this.lockIdentity(manager, previous.identityId);
        if (!(await this.mayRetry(manager, identity))) continue;
        await this.attempt(manager, identity, previous.attempt + 1, previous.reason, now, {
          ...this.carriedOver(previous),
          massActionId: previous.massActionId ?? null,
        } as Partial<R>);
        retried += 1;
      }
      // A time-out with no retry left, or a retry decided against, can be a mass action's last end.
      const ended = [...overdue, ...due].map((request) => request.massActionId);
      await this.massActions.finishIfDone(manager, this.massActionKind, ended, now);
      return { timedOut: overdue.length, retried };
    });
    return done ?? { timedOut: 0, retried: 0 };
  }

  /** Whether a due retry should still happen (nothing else running, nothing that makes it pointless). */
  protected async mayRetry(manager: EntityManager, identity: IdentityLifecycleEntity): Promise<boolean> {
    return !(await this.requests(manager).exists({ where: { identityId: identity.identityId, status: 'REQUESTED' } }));
  }

  /** What a retry keeps from the attempt before it, besides the reason. */
  protected carriedOver(previous: R): Partial<R> {
    void previous;
    return {};
  }

  /** Every policy, read once, and which one governs an identity: for many identities at once. */
  private async policies(manager: EntityManager): Promise<Policies> {
    const all = await manager.getRepository(RotationPolicyEntity).find();
    const fallback = all.find((policy) => policy.isDefault);
    if (!fallback) throw new Error('no default rotation policy: the lifecycle migrations create one');
    const byId = new Map(all.map((policy) => [policy.id, policy]));
    return { of: (identity) => (identity.policyId ? byId.get(identity.policyId) : undefined) ?? fallback };
  }

  protected async policyOf(manager: EntityManager, identity: IdentityLifecycleEntity): Promise<RotationPolicyEntity> {
    const run = this.runs.getStore();
    if (run) return run.policies.of(identity);
    const policies = manager.getRepository(RotationPolicyEntity);
    return (
      (identity.policyId ? await policies.findOne({ where: { id: identity.policyId } }) : null) ??
      policies.findOneOrFail({ where: { isDefault: true } })
    );
  }

  private async end(
    manager: EntityManager,
    identity: IdentityLifecycleEntity,
    request: R,
    end: AttemptEnd,
    error: string,
    now: Date,
  ): Promise<void> {
    const policy = await this.policyOf(manager, identity);
    const final = request.attempt >= policy.maxAttempts;
    const nextAttemptAt = final ? null : new Date(now.getTime() + this.config.ROTATION_RETRY_BASE_MS * 2 ** (request.attempt - 1));
    await this.setRequest(manager, request, { status: end, error, completedAt: now, nextAttemptAt });
    await this.fail(manager, identity, request, end, final, now);
    if (final) this.logger.warn(`${this.label} of ${identity.identityId} failed after ${request.attempt} attempts: ${error}`);
  }
}
