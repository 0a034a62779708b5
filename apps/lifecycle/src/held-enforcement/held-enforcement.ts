import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { runExclusively } from '@nhi/runtime';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { RevocationService } from '../revocation/revocation.service';
import { RotationService } from '../rotation/rotation.service';
import { suspendedSql, Suspensions } from '../suspensions/suspensions';

const BATCH = 500;

/**
 * What an exception held back is done as soon as no exception holds it any
 * more: the rotation that fell due meanwhile is requested, the revocation that
 * was asked for is requested. Runs on exceptions' expired and revoked events
 * and, should those be late, on the lifecycle clock once expiresAt has passed.
 */
@Injectable()
export class HeldEnforcement {
  private readonly logger = new Logger('HeldEnforcement');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly suspensions: Suspensions,
    private readonly rotations: RotationService,
    private readonly revocations: RevocationService,
  ) {}

  /** Resumes one identity's held enforcement, unless another exception still holds it. */
  async resume(manager: EntityManager, identityId: string, now = new Date()): Promise<void> {
    const identity = await manager
      .getRepository(IdentityLifecycleEntity)
      .findOne({ where: { identityId }, lock: { mode: 'pessimistic_write' } });
    if (!identity) return;
    if (identity.rotationHeldSince && !(await this.suspensions.isSuspended(manager, identityId, 'ROTATION', now))) {
      const since = identity.rotationHeldSince;
      identity.rotationHeldSince = null;
      await manager.getRepository(IdentityLifecycleEntity).save(identity);
      if (identity.state === 'ROTATION_DUE') {
        const reason = `due since ${identity.nextRotationDueAt?.toISOString() ?? since.toISOString()}; held by an exception that ended`;
        if (await this.rotations.startIn(manager, identity, reason, now)) this.logger.log(`rotation of ${identityId} requested: ${reason}`);
      }
    }
    if (identity.revocationHeldReason && !(await this.suspensions.isSuspended(manager, identityId, 'REVOCATION', now))) {
      const reason = identity.revocationHeldReason;
      identity.revocationHeldReason = null;
      await manager.getRepository(IdentityLifecycleEntity).save(identity);
      await this.revocations.requestFromTrigger(manager, identityId, `${reason} (held by an exception that ended)`, now);
    }
  }

  /** Held enforcement whose exceptions have all passed expiresAt; one instance at a time across replicas. */
  async sweep(now = new Date()): Promise<number> {
    const resumed = await runExclusively(this.dataSource, 'nhi.lifecycle.held-enforcement', async (manager) => {
      const rows: Array<{ identity_id: string }> = await manager.query(
        `SELECT l.identity_id FROM identity_lifecycle l
         WHERE (l.rotation_held_since IS NOT NULL AND NOT ${suspendedSql('ROTATION')})
            OR (l.revocation_held_reason IS NOT NULL AND NOT ${suspendedSql('REVOCATION')})
         ORDER BY l.identity_id LIMIT ${BATCH} FOR UPDATE OF l SKIP LOCKED`,
        [now],
      );
      for (const row of rows) await this.resume(manager, row.identity_id, now);
      return rows.length;
    });
    return resumed ?? 0;
  }
}
