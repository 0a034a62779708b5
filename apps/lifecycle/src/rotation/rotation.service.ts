import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, assertActsOnIdentities } from '@nhi/auth';
import { badInput, conflict, reasonText } from '@nhi/graphql';
import { OutboxService, type OutboxEventInput } from '@nhi/messaging';
import type { EventType, RotationCompletedData } from '@nhi/contracts';
import { AttemptEnd, CredentialHandshake } from '../handshake/credential-handshake';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { nextRotationDue } from '../identity-data/rotation-schedule';
import { LIFECYCLE_CONFIG, LifecycleConfig } from '../lifecycle-config';
import { RotationRequestEntity } from '../requests/rotation-request.entity';
import { IntegratorsService } from '../integrators/integrators.service';
import { MassActionLedger } from '../requests/mass-action-ledger';
import { rotationTargets } from './rotation-targets';

const REVOKED_STATES = new Set(['REVOKING', 'REVOKED']);

/** Rotation on nhi.rotation.requests.v1 / nhi.rotation.results.v1; after the last failed attempt the identity is ROTATION_FAILED. */
@Injectable()
export class RotationService extends CredentialHandshake<RotationRequestEntity, RotationCompletedData> {
  protected readonly inFlight = 'ROTATING';

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(LIFECYCLE_CONFIG) config: LifecycleConfig,
    outbox: OutboxService,
    integrators: IntegratorsService,
    massActions: MassActionLedger,
  ) {
    super('rotation', RotationRequestEntity, dataSource, config, outbox, integrators, massActions);
  }

  /** A person asks for a rotation now: an owner of the identity (or one of its teams), or a security-admin. */
  async request(identityId: string, reason: string, actor: Actor, now = new Date()): Promise<RotationRequestEntity> {
    const why = reasonText(reason, 'reason', 'say why the credential must be rotated');
    return this.dataSource.transaction(async (manager) => {
      const { identity, open } = await this.lockForRequest(manager, identityId);
      assertActsOnIdentities(actor, [{ identityId, ownerPath: identity.ownerPath }], 'request a rotation');
      if (REVOKED_STATES.has(identity.state)) {
        throw badInput(`the identity is ${identity.state}; a revoked credential is never rotated`, 'identityId');
      }
      this.refuseIfOpen(open);
      return this.attempt(manager, identity, 1, why, now);
    });
  }

  /**
   * The same as request, except that an identity already rotating answers with
   * the rotation in progress instead of a refusal: a portal's retry, or two
   * owners pressing the button, end up watching one rotation.
   */
  async requestOrJoin(identityId: string, reason: string, actor: Actor, now = new Date()): Promise<RotationRequestEntity> {
    const why = reasonText(reason, 'reason', 'say why the credential must be rotated');
    return this.dataSource.transaction(async (manager) => {
      const { identity, open } = await this.lockForRequest(manager, identityId);
      assertActsOnIdentities(actor, [{ identityId, ownerPath: identity.ownerPath }], 'request a rotation');
      if (open) return manager.getRepository(RotationRequestEntity).findOneByOrFail({ id: open.id });
      if (REVOKED_STATES.has(identity.state)) {
        throw conflict(`the identity is ${identity.state}; a revoked credential is never rotated`, 'identityId');
      }
      return this.attempt(manager, identity, 1, why, now);
    });
  }

  /** A trigger (a policy's due date) starts a rotation in the caller's transaction, unless one is already running. */
  async startIn(manager: EntityManager, identity: IdentityLifecycleEntity, reason: string, now: Date): Promise<boolean> {
    if (REVOKED_STATES.has(identity.state)) return false;
    if (await this.requests(manager).exists({ where: { identityId: identity.identityId, status: 'REQUESTED' } })) return false;
    await this.attempt(manager, identity, 1, reason, now);
    return true;
  }

  /** First attempts for a mass action's identities, set-based; the caller locked them and left out those that may not start one. */
  startMany(manager: EntityManager, identities: readonly IdentityLifecycleEntity[], reason: string, massActionId: string, now: Date) {
    return this.attemptMany(manager, identities, reason, now, (identity) => ({
      targetCredentials: rotationTargets(identity.credentials ?? []),
      massActionId,
    }));
  }

  protected override async mayRetry(manager: EntityManager, identity: IdentityLifecycleEntity): Promise<boolean> {
    return !REVOKED_STATES.has(identity.state) && (await super.mayRetry(manager, identity));
  }

  /** Every attempt targets the active long-lived credentials the identity holds at that moment. */
  protected override attempt(
    manager: EntityManager,
    identity: IdentityLifecycleEntity,
    attempt: number,
    reason: string,
    now: Date,
    extra: Partial<RotationRequestEntity> = {},
  ): Promise<RotationRequestEntity> {
    return super.attempt(manager, identity, attempt, reason, now, {
      targetCredentials: rotationTargets(identity.credentials ?? []),
      ...extra,
    });
  }

  protected announcements(identity: IdentityLifecycleEntity, request: RotationRequestEntity): Array<OutboxEventInput<EventType>> {
    const common = { requestedAt: request.requestedAt.toISOString(), deadline: request.deadline.toISOString(), reason: request.reason };
    const targets = request.targetCredentials ?? [];
    return [
      {
        type: 'nhi.rotation.requested',
        subject: identity.identityId,
        data: { ...this.integratorTarget(identity, request), ...common, ...(targets.length > 0 ? { credentials: targets } : {}) },
      },
      {
        type: 'nhi.credential.rotation-requested',
        subject: identity.identityId,
        data: { requestId: request.id, identityId: identity.identityId, attempt: request.attempt, ...common },
      },
    ];
  }

  protected async succeed(
    manager: EntityManager,
    identity: IdentityLifecycleEntity,
    request: RotationRequestEntity,
    completed: RotationCompletedData,
    now: Date,
  ): Promise<void> {
    const rotatedAt = new Date(completed.rotatedAt);
    const replaced = completed.replaced ?? null;
    if (replaced) await this.setRequest(manager, request, { replaced });
    const fingerprint = completed.newCredentialFingerprint ?? null;
    const expires = completed.newExpiresAt ?? null;
    const policy = await this.policyOf(manager, identity);
    const due = nextRotationDue({
      lastRotatedAt: rotatedAt,
      credentialCreatedAt: identity.credentialCreatedAt,
      registeredAt: identity.registeredAt,
      maxAgeDays: policy.maxAgeDays,
    });
    await this.setIdentity(manager, identity, {
      // A revocation that started meanwhile keeps the identity on its way out.
      state: REVOKED_STATES.has(identity.state) ? identity.state : due <= now ? 'ROTATION_DUE' : 'ACTIVE',
      lastRotatedAt: rotatedAt,
      nextRotationDueAt: due,
      credentialFingerprint: fingerprint ?? identity.credentialFingerprint,
      expiresAt: expires ? new Date(expires) : identity.expiresAt,
    });
    await this.publish(manager, {
      type: 'nhi.credential.rotated',
      subject: identity.identityId,
      data: {
        requestId: request.id,
        identityId: identity.identityId,
        rotatedAt: rotatedAt.toISOString(),
        newCredentialFingerprint: fingerprint,
        newExpiresAt: expires,
        nextRotationDueAt: due.toISOString(),
        ...(replaced ? { replaced } : {}),
      },
    });
  }

  protected async fail(
    manager: EntityManager,
    identity: IdentityLifecycleEntity,
    request: RotationRequestEntity,
    end: AttemptEnd,
    final: boolean,
    now: Date,
  ): Promise<void> {
    if (final && !REVOKED_STATES.has(identity.state)) {
      await this.setIdentity(manager, identity, { state: 'ROTATION_FAILED' });
    }
    const base = {
      requestId: request.id,
      identityId: identity.identityId,
      attempt: request.attempt,
      final,
      nextAttemptAt: request.nextAttemptAt?.toISOString() ?? null,
    };
    if (end === 'FAILED') {
      await this.publish(manager, {
        type: 'nhi.credential.rotation-failed',
        subject: identity.identityId,
        data: { ...base, error: request.error ?? 'failed', failedAt: now.toISOString() },
      });
    } else {
      await this.publish(manager, {
        type: 'nhi.credential.rotation-timed-out',
        subject: identity.identityId,
        data: { ...base, deadline: request.deadline.toISOString() },
      });
    }
  }
}
