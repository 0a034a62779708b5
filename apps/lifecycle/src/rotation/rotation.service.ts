import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GraphQLError } from 'graphql';
import { DataSource, EntityManager } from 'typeorm';
import { ContractViolationError, timeOrderedUuid, type RotationCompletedData, type RotationFailedData } from '@nhi/contracts';
import { badInput } from '@nhi/graphql';
import { OutboxService } from '@nhi/messaging';
import { IdentityLifecycleEntity } from '../lifecycle/identity-lifecycle.entity';
import { nextRotationDue } from '../lifecycle/rotation-schedule';
import { LIFECYCLE_CONFIG, LifecycleConfig } from '../lifecycle-config';
import { RotationPolicyEntity } from '../policies/rotation-policy.entity';
import { RotationRequestEntity } from '../requests/rotation-request.entity';

const MINUTE_MS = 60_000;

/** Results that matched no open request: logged and counted, never applied. */
export interface IgnoredResults {
  unknown: number;
  settled: number;
}

/**
 * The rotation handshake with integrators (DESIGN.md): each attempt is a
 * request with its own id and deadline on nhi.rotation.requests.v1; a result
 * on nhi.rotation.results.v1 settles the attempt it names, once. A failure or
 * a missed deadline leads to a new attempt after an exponential backoff, up to
 * the policy's maxAttempts; then the identity is ROTATION_FAILED.
 */
@Injectable()
export class RotationService {
  private readonly logger = new Logger('Rotation');
  readonly ignored: IgnoredResults = { unknown: 0, settled: 0 };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LIFECYCLE_CONFIG) private readonly config: LifecycleConfig,
    private readonly outbox: OutboxService,
  ) {}

  /** A person (or a trigger) asks for a rotation now. */
  async request(identityId: string, reason: string, now = new Date()): Promise<RotationRequestEntity> {
    const why = reason.trim();
    if (!why) throw badInput('reason is required: say why the credential must be rotated', 'reason');
    return this.dataSource.transaction(async (manager) => {
      const identity = await manager
        .getRepository(IdentityLifecycleEntity)
        .findOne({ where: { identityId }, lock: { mode: 'pessimistic_write' } });
      if (!identity)
        throw new GraphQLError(`lifecycle knows no identity ${identityId}; identities arrive from inventory's events`, {
          extensions: { code: 'NOT_FOUND' },
        });
      if (identity.state === 'REVOKED' || identity.state === 'REVOKING') {
        throw badInput(`identity ${identityId} is ${identity.state}; a revoked credential is never rotated`, 'identityId');
      }
      const open = await manager.getRepository(RotationRequestEntity).findOne({ where: { identityId, status: 'REQUESTED' } });
      if (open) {
        throw badInput(
          `a rotation of identity ${identityId} is already in progress (request ${open.id}, deadline ${open.deadline.toISOString()})`,
          'identityId',
        );
      }
      return this.attempt(manager, identity, 1, why, now);
    });
  }

  /** Applies an integrator's result to the attempt it names, once. */
  async applyResult(
    manager: EntityManager,
    result: { kind: 'completed'; data: RotationCompletedData } | { kind: 'failed'; data: RotationFailedData },
    now = new Date(),
  ): Promise<void> {
    const { requestId, nhiId } = result.data;
    const request = await manager
      .getRepository(RotationRequestEntity)
      .findOne({ where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
    if (!request) {
      this.ignored.unknown += 1;
      this.logger.warn(`ignored a rotation ${result.kind} result for unknown request ${requestId} (${this.ignored.unknown} so far)`);
      return;
    }
    if (request.identityId !== nhiId) {
      throw new ContractViolationError(
        `rotation result for request ${requestId} names identity ${nhiId}, but the request is for ${request.identityId}`,
      );
    }
    if (request.status !== 'REQUESTED') {
      this.ignored.settled += 1;
      this.logger.warn(
        `ignored a rotation ${result.kind} result for request ${requestId}, already ${request.status} (${this.ignored.settled} so far)`,
      );
      return;
    }
    const identity = await manager
      .getRepository(IdentityLifecycleEntity)
      .findOneOrFail({ where: { identityId: request.identityId }, lock: { mode: 'pessimistic_write' } });
    if (result.kind === 'completed') await this.completed(manager, request, identity, result.data, now);
    else await this.failed(manager, request, identity, 'FAILED', result.data.error, now);
  }

  /** Attempts past their deadline time out; attempts whose backoff is over are retried. Safe with several instances. */
  async tick(now = new Date()): Promise<{ timedOut: number; retried: number }> {
    return this.dataSource.transaction(async (manager) => {
      const overdue = await manager
        .getRepository(RotationRequestEntity)
        .createQueryBuilder('r')
        .where("r.status = 'REQUESTED' AND r.deadline <= :now", { now })
        .orderBy('r.deadline')
        .limit(500)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const request of overdue) {
        const identity = await manager
          .getRepository(IdentityLifecycleEntity)
          .findOneOrFail({ where: { identityId: request.identityId }, lock: { mode: 'pessimistic_write' } });
        await this.failed(manager, request, identity, 'TIMED_OUT', `no result by the deadline, ${request.deadline.toISOString()}`, now);
      }
      const due = await manager
        .getRepository(RotationRequestEntity)
        .createQueryBuilder('r')
        .where('r.retried_at IS NULL AND r.next_attempt_at <= :now', { now })
        .orderBy('r.next_attempt_at')
        .limit(500)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let retried = 0;
      for (const previous of due) {
        previous.retriedAt = now;
        await manager.getRepository(RotationRequestEntity).save(previous);
        const identity = await manager
          .getRepository(IdentityLifecycleEntity)
          .findOneOrFail({ where: { identityId: previous.identityId }, lock: { mode: 'pessimistic_write' } });
        // Revoked meanwhile, or another attempt already running (a manual one): this retry has no point.
        const open = await manager
          .getRepository(RotationRequestEntity)
          .exists({ where: { identityId: previous.identityId, status: 'REQUESTED' } });
        if (identity.state === 'REVOKED' || identity.state === 'REVOKING' || open) continue;
        await this.attempt(manager, identity, previous.attempt + 1, previous.reason, now);
        retried += 1;
      }
      return { timedOut: overdue.length, retried };
    });
  }

  private async attempt(
    manager: EntityManager,
    identity: IdentityLifecycleEntity,
    attempt: number,
    reason: string,
    now: Date,
  ): Promise<RotationRequestEntity> {
    const policy = await this.policyOf(manager, identity);
    const request = manager.getRepository(RotationRequestEntity).create({
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
    });
    await manager.getRepository(RotationRequestEntity).save(request);
    await manager.getRepository(IdentityLifecycleEntity).save(Object.assign(identity, { state: 'ROTATING' }));
    const common = { requestedAt: now.toISOString(), deadline: request.deadline.toISOString(), reason };
    await this.outbox.enqueueMany(manager, [
      {
        type: 'nhi.rotation.requested',
        subject: identity.identityId,
        data: {
          requestId: request.id,
          nhiId: identity.identityId,
          provider: identity.provider,
          externalId: identity.externalId,
          kind: identity.kind,
          ...common,
        },
      },
      {
        type: 'nhi.credential.rotation-requested',
        subject: identity.identityId,
        data: { requestId: request.id, identityId: identity.identityId, attempt, ...common },
      },
    ]);
    return request;
  }

  private async completed(
    manager: EntityManager,
    request: RotationRequestEntity,
    identity: IdentityLifecycleEntity,
    data: RotationCompletedData,
    now: Date,
  ): Promise<void> {
    const rotatedAt = new Date(data.rotatedAt);
    const policy = await this.policyOf(manager, identity);
    const due = nextRotationDue({
      lastRotatedAt: rotatedAt,
      credentialCreatedAt: identity.credentialCreatedAt,
      registeredAt: now,
      maxAgeDays: policy.maxAgeDays,
    });
    await manager.getRepository(RotationRequestEntity).save(Object.assign(request, { status: 'COMPLETED', completedAt: now }));
    Object.assign(identity, {
      state: due <= now ? 'ROTATION_DUE' : 'ACTIVE',
      lastRotatedAt: rotatedAt,
      nextRotationDueAt: due,
      credentialFingerprint: data.newCredentialFingerprint ?? identity.credentialFingerprint,
      expiresAt: data.newExpiresAt ? new Date(data.newExpiresAt) : identity.expiresAt,
    });
    await manager.getRepository(IdentityLifecycleEntity).save(identity);
    await this.outbox.enqueue(manager, {
      type: 'nhi.credential.rotated',
      subject: identity.identityId,
      data: {
        requestId: request.id,
        identityId: identity.identityId,
        rotatedAt: rotatedAt.toISOString(),
        newCredentialFingerprint: data.newCredentialFingerprint ?? null,
        newExpiresAt: data.newExpiresAt ?? null,
        nextRotationDueAt: due.toISOString(),
      },
    });
  }

  /** A failed or timed-out attempt: a retry after a backoff, or ROTATION_FAILED when none is left. */
  private async failed(
    manager: EntityManager,
    request: RotationRequestEntity,
    identity: IdentityLifecycleEntity,
    status: 'FAILED' | 'TIMED_OUT',
    error: string,
    now: Date,
  ): Promise<void> {
    const policy = await this.policyOf(manager, identity);
    const final = request.attempt >= policy.maxAttempts;
    const nextAttemptAt = final ? null : new Date(now.getTime() + this.config.ROTATION_RETRY_BASE_MS * 2 ** (request.attempt - 1));
    await manager.getRepository(RotationRequestEntity).save(Object.assign(request, { status, error, completedAt: now, nextAttemptAt }));
    if (final) await manager.getRepository(IdentityLifecycleEntity).save(Object.assign(identity, { state: 'ROTATION_FAILED' }));
    const base = {
      requestId: request.id,
      identityId: identity.identityId,
      attempt: request.attempt,
      final,
      nextAttemptAt: nextAttemptAt?.toISOString() ?? null,
    };
    if (status === 'FAILED') {
      await this.outbox.enqueue(manager, {
        type: 'nhi.credential.rotation-failed',
        subject: identity.identityId,
        data: { ...base, error, failedAt: now.toISOString() },
      });
    } else {
      await this.outbox.enqueue(manager, {
        type: 'nhi.credential.rotation-timed-out',
        subject: identity.identityId,
        data: { ...base, deadline: request.deadline.toISOString() },
      });
    }
    if (final) this.logger.warn(`rotation of ${identity.identityId} failed after ${request.attempt} attempts: ${error}`);
  }

  private async policyOf(manager: EntityManager, identity: IdentityLifecycleEntity): Promise<RotationPolicyEntity> {
    const policies = manager.getRepository(RotationPolicyEntity);
    return (
      (identity.policyId ? await policies.findOne({ where: { id: identity.policyId } }) : null) ??
      policies.findOneOrFail({ where: { isDefault: true } })
    );
  }
}
