import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertActsOnIdentities, whoHas, type Actor } from '@nhi/auth';
import { GraphQLError } from 'graphql';
import { badInput, conflict, forbidden, reasonText } from '@nhi/graphql';
import { OutboxService, type OutboxEventInput } from '@nhi/messaging';
import type { EventType, RevocationCompletedData } from '@nhi/contracts';
import { AttemptEnd, CredentialHandshake } from '../handshake/credential-handshake';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { stateForDueDate } from '../identity-data/rotation-schedule';
import { LIFECYCLE_CONFIG, LifecycleConfig } from '../lifecycle-config';
import { RevocationRequestEntity } from '../requests/revocation-request.entity';
import { Suspensions } from '../suspensions/suspensions';
import { IntegratorsService } from '../integrators/integrators.service';
import { MassActionLedger } from '../requests/mass-action-ledger';

/** FORBIDDEN, on the input's force flag. */
function forcedNeedsAdmin(actor: Actor): GraphQLError {
  const refused = forbidden(`a forced revocation needs the security-admin role; ${whoHas(actor)}`);
  return new GraphQLError(refused.message, { extensions: { ...refused.extensions, field: 'force' } });
}

/**
 * Revocation on nhi.revocation.requests.v1 / nhi.revocation.results.v1: the
 * same handshake as rotation. A revoked identity is REVOKED for good; after the
 * last failed attempt it goes back to its rotation state, the failure on record.
 */
@Injectable()
export class RevocationService extends CredentialHandshake<RevocationRequestEntity, RevocationCompletedData> {
  protected readonly inFlight = 'REVOKING';

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(LIFECYCLE_CONFIG) config: LifecycleConfig,
    outbox: OutboxService,
    integrators: IntegratorsService,
    massActions: MassActionLedger,
    private readonly suspensions: Suspensions,
  ) {
    super('revocation', RevocationRequestEntity, dataSource, config, outbox, integrators, massActions);
  }

  /** An owner of the identity or a security-admin asks for a revocation; force (revoke even what is in use) needs security-admin. */
  async request(identityId: string, reason: string, force: boolean, actor: Actor, now = new Date()): Promise<RevocationRequestEntity> {
    const why = reasonText(reason, 'reason', 'say why the credential must be revoked');
    if (force && !actor.roles.includes('security-admin')) throw forcedNeedsAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const { identity, open } = await this.lockForRequest(manager, identityId);
      assertActsOnIdentities(actor, [{ identityId, ownerPath: identity.ownerPath }], 'request a revocation');
      if (identity.state === 'REVOKED') throw badInput('the identity is already REVOKED', 'identityId');
      this.refuseIfOpen(open);
      return this.attempt(manager, identity, 1, why, now, { force });
    });
  }

  /**
   * The same as request, except that an identity with a revocation in progress answers with that revocation
   * instead of a refusal (a portal's retry, or two people asking, end up watching one revocation, whatever
   * force each asked for), and an identity already revoked is a CONFLICT with its state.
   */
  async requestOrJoin(
    identityId: string,
    reason: string,
    force: boolean,
    actor: Actor,
    now = new Date(),
  ): Promise<RevocationRequestEntity> {
    const why = reasonText(reason, 'reason', 'say why the credential must be revoked');
    if (force && !actor.roles.includes('security-admin')) throw forcedNeedsAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const { identity, open } = await this.lockForRequest(manager, identityId);
      assertActsOnIdentities(actor, [{ identityId, ownerPath: identity.ownerPath }], 'request a revocation');
      if (open) return this.join(manager, open.id, force);
      if (identity.state === 'REVOKED') throw conflict('the identity is already REVOKED', 'identityId');
      return this.attempt(manager, identity, 1, why, now, { force });
    });
  }

  /**
   * The revocation in progress, for a second ask. A forced ask makes a request without force forced from then on: the
   * attempt under way was sent without it and may fail on a credential in use, and its retries carry force (carriedOver),
   * so a security-admin's force is not lost by arriving second.
   */
  private async join(manager: EntityManager, requestId: string, force: boolean): Promise<RevocationRequestEntity> {
    const requests = manager.getRepository(RevocationRequestEntity);
    const open = await requests.findOneByOrFail({ id: requestId });
    if (force && !open.force) {
      await requests.update({ id: open.id }, { force: true });
      open.force = true;
      this.logger.log(`revocation ${open.id} of ${open.identityId} joined by a forced ask: its retries are forced`);
    }
    return open;
  }

  /**
   * A trigger (decommissioning, an orphan nobody took) asks for a revocation; nothing to do if one is running or
   * done, and held back while an approved REVOCATION exception is in force.
   */
  async requestFromTrigger(manager: EntityManager, identityId: string, reason: string, now = new Date()): Promise<void> {
    const identity = await manager
      .getRepository(IdentityLifecycleEntity)
      .findOne({ where: { identityId }, lock: { mode: 'pessimistic_write' } });
    if (!identity || identity.state === 'REVOKED' || identity.state === 'REVOKING') return;
    if (await this.requests(manager).exists({ where: { identityId, status: 'REQUESTED' } })) return;
    if (await this.suspensions.isSuspended(manager, identityId, 'REVOCATION', now)) {
      // An approved exception holds it back; HeldEnforcement asks again when that ends.
      await manager.getRepository(IdentityLifecycleEntity).update({ identityId }, { revocationHeldReason: reason.slice(0, 1000) });
      this.logger.warn(`revocation of ${identityId} held back by an approved REVOCATION exception: ${reason}`);
      return;
    }
    await this.attempt(manager, identity, 1, reason.slice(0, 1000), now, { force: false });
  }

  /** First attempts for a mass action's identities, set-based; the caller locked them and left out those that may not start one. */
  startMany(manager: EntityManager, identities: readonly IdentityLifecycleEntity[], reason: string, massActionId: string, now: Date) {
    return this.attemptMany(manager, identities, reason, now, () => ({ force: false, massActionId }));
  }

  protected override carriedOver(previous: RevocationRequestEntity): Partial<RevocationRequestEntity> {
    return { force: previous.force };
  }

  protected override async mayRetry(manager: EntityManager, identity: IdentityLifecycleEntity): Promise<boolean> {
    return identity.state !== 'REVOKED' && (await super.mayRetry(manager, identity));
  }

  protected announcements(identity: IdentityLifecycleEntity, request: RevocationRequestEntity): Array<OutboxEventInput<EventType>> {
    const common = {
      requestedAt: request.requestedAt.toISOString(),
      deadline: request.deadline.toISOString(),
      reason: request.reason,
      force: request.force,
    };
    return [
      {
        type: 'nhi.revocation.requested',
        subject: identity.identityId,
        data: { ...this.integratorTarget(identity, request), ...common },
      },
      {
        type: 'nhi.credential.revocation-requested',
        subject: identity.identityId,
        data: { requestId: request.id, identityId: identity.identityId, attempt: request.attempt, ...common },
      },
    ];
  }

  protected async succeed(
    manager: EntityManager,
    identity: IdentityLifecycleEntity,
    request: RevocationRequestEntity,
    { revokedAt }: RevocationCompletedData,
  ): Promise<void> {
    await this.setIdentity(manager, identity, { state: 'REVOKED', nextRotationDueAt: null });
    await this.publish(manager, {
      type: 'nhi.credential.revoked',
      subject: identity.identityId,
      data: { requestId: request.id, identityId: identity.identityId, revokedAt },
    });
  }

  protected async fail(
    manager: EntityManager,
    identity: IdentityLifecycleEntity,
    request: RevocationRequestEntity,
    end: AttemptEnd,
    final: boolean,
    now: Date,
  ): Promise<void> {
    if (final) {
      const state = identity.nextRotationDueAt ? stateForDueDate(identity.nextRotationDueAt, now) : 'ACTIVE';
      await this.setIdentity(manager, identity, { state });
    }
    await this.publish(manager, {
      type: 'nhi.credential.revocation-failed',
      subject: identity.identityId,
      data: {
        requestId: request.id,
        identityId: identity.identityId,
        attempt: request.attempt,
        status: end,
        error: request.error ?? 'failed',
        final,
        nextAttemptAt: request.nextAttemptAt?.toISOString() ?? null,
        failedAt: now.toISOString(),
      },
    });
  }
}
