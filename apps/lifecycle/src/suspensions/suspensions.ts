import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';
import type { ExceptionControlName } from '@nhi/contracts';
import { ControlSuspensionEntity, SuspendableControl } from './control-suspension.entity';

const SUSPENDABLE: readonly string[] = ['ROTATION', 'REVOCATION'] satisfies SuspendableControl[];

export function isSuspendable(control: ExceptionControlName): control is SuspendableControl {
  return SUSPENDABLE.includes(control);
}

/**
 * Which approved exceptions hold lifecycle's enforcement back, as exceptions'
 * events report them. A suspension counts only until its expiresAt, even
 * before the expired event arrives, so enforcement resumes on time.
 */
@Injectable()
export class Suspensions {
  async suspend(manager: EntityManager, suspension: ControlSuspensionEntity): Promise<void> {
    await manager.createQueryBuilder().insert().into(ControlSuspensionEntity).values(suspension).orIgnore().execute();
  }

  async lift(manager: EntityManager, exceptionId: string): Promise<void> {
    await manager.getRepository(ControlSuspensionEntity).delete({ exceptionId });
  }

  isSuspended(manager: EntityManager, identityId: string, control: SuspendableControl, now: Date): Promise<boolean> {
    return manager.getRepository(ControlSuspensionEntity).exists({ where: { identityId, control, expiresAt: MoreThan(now) } });
  }

  /** The suspensions in force for many identities, for GraphQL. */
  inForce(manager: EntityManager, identityIds: readonly string[], now = new Date()): Promise<ControlSuspensionEntity[]> {
    return manager.getRepository(ControlSuspensionEntity).find({
      where: { identityId: In([...identityIds]), expiresAt: MoreThan(now) },
      order: { expiresAt: 'ASC' },
    });
  }
}

/** SQL: whether an identity (alias l) has a suspension of this control in force at the time in parameter `now`. */
export function suspendedSql(control: SuspendableControl, now = '$1'): string {
  return `EXISTS (SELECT 1 FROM control_suspensions s WHERE s.identity_id = l.identity_id AND s.control = '${control}' AND s.expires_at > ${now})`;
}
