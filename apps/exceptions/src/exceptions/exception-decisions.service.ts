import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { whoHas, type Actor } from '@nhi/auth';
import { badInput, forbidden, notFound, reasonText } from '@nhi/graphql';
import { EXCEPTIONS_CONFIG, ExceptionsConfig } from '../exceptions-config';
import { ExceptionJournal } from './exception-journal';
import { PolicyExceptionEntity } from './policy-exception.entity';
import { firstReminderAt } from './reminder-schedule';

/** Who may decide on someone else's exception. */
export const APPROVER_ROLE = 'security-admin';

/**
 * Approval, rejection and revocation. Separation of duties: whoever requested
 * an exception never decides on it, whatever roles they hold (the database
 * refuses it too). A decision covers the exception's whole group.
 */
@Injectable()
export class ExceptionDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EXCEPTIONS_CONFIG) private readonly config: ExceptionsConfig,
    private readonly journal: ExceptionJournal,
  ) {}

  approve(id: string, note: string | null | undefined, actor: Actor, now = new Date()): Promise<PolicyExceptionEntity> {
    const cleanNote = note?.trim() || null;
    return this.decide(id, actor, now, 'approve', async (manager, exception) => {
      Object.assign(exception, {
        status: 'APPROVED',
        decidedBy: actor.sub,
        decidedAt: now,
        decisionNote: cleanNote,
        nextReminderAt: firstReminderAt(exception.expiresAt, this.config.EXCEPTION_REMINDER_DAYS),
      });
      await manager.getRepository(PolicyExceptionEntity).save(exception);
      await this.journal.record(
        manager,
        exception,
        { action: 'APPROVED', actor: actor.sub, note: cleanNote, at: now },
        { note: cleanNote },
      );
    });
  }

  /** `field` names the input that carries the note: `note` on rejectException, `reason` on exceptionReject. */
  reject(id: string, note: string, actor: Actor, now = new Date(), field = 'note'): Promise<PolicyExceptionEntity> {
    const cleanNote = reasonText(note, field, 'say why the exception is rejected');
    return this.decide(id, actor, now, 'reject', async (manager, exception) => {
      Object.assign(exception, { status: 'REJECTED', decidedBy: actor.sub, decidedAt: now, decisionNote: cleanNote });
      await manager.getRepository(PolicyExceptionEntity).save(exception);
      await this.journal.record(
        manager,
        exception,
        { action: 'REJECTED', actor: actor.sub, note: cleanNote, at: now },
        { note: cleanNote },
      );
    });
  }

  /** Withdraws a pending or approved exception before its expiry: by its requester or a security-admin. */
  async revoke(id: string, reason: string, actor: Actor, now = new Date()): Promise<PolicyExceptionEntity> {
    const why = reasonText(reason, 'reason', 'say why the exception is withdrawn');
    return this.dataSource.transaction(async (manager) => {
      const exception = await this.lock(manager, id);
      if (exception.requestedBy !== actor.sub && !actor.roles.includes(APPROVER_ROLE)) {
        throw forbidden(`only the requester or a ${APPROVER_ROLE} may revoke this exception; ${actor.sub} is neither`);
      }
      if (exception.status !== 'REQUESTED' && exception.status !== 'APPROVED') {
        throw badInput(`the exception is ${exception.status}; only a REQUESTED or APPROVED exception can be revoked`, 'id');
      }
      Object.assign(exception, { status: 'REVOKED', nextReminderAt: null });
      await manager.getRepository(PolicyExceptionEntity).save(exception);
      await this.journal.record(manager, exception, { action: 'REVOKED', actor: actor.sub, note: why, at: now }, { reason: why });
      return exception;
    });
  }

  private async decide(
    id: string,
    actor: Actor,
    now: Date,
    verb: 'approve' | 'reject',
    apply: (manager: EntityManager, exception: PolicyExceptionEntity) => Promise<void>,
  ): Promise<PolicyExceptionEntity> {
    return this.dataSource.transaction(async (manager) => {
      // A group is locked in one order, so two deciders of one group cannot deadlock.
      const groupId = (await manager.getRepository(PolicyExceptionEntity).findOne({ where: { id }, select: { id: true, groupId: true } }))
        ?.groupId;
      const locked = groupId
        ? await manager
            .getRepository(PolicyExceptionEntity)
            .find({ where: { groupId }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } })
        : [await this.lock(manager, id)];
      const named = locked.find((exception) => exception.id === id) ?? (await this.lock(manager, id));
      const members = locked.filter((exception) => exception.status === 'REQUESTED');
      if (named.status !== 'REQUESTED') {
        throw badInput(`the exception is ${named.status}; only a REQUESTED exception can be decided`, 'id');
      }
      if (named.requestedBy === actor.sub) {
        throw forbidden(`separation of duties: ${actor.sub} requested this exception and cannot ${verb} it; someone else must`);
      }
      if (!actor.roles.includes(APPROVER_ROLE)) {
        throw forbidden(`to ${verb} an exception needs the ${APPROVER_ROLE} role; ${whoHas(actor)}`);
      }
      if (named.expiresAt <= now) {
        throw badInput(`the exception expired at ${named.expiresAt.toISOString()} before it was decided; request a new one`, 'id');
      }
      for (const exception of members) {
        if (exception.expiresAt > now) await apply(manager, exception);
      }
      return named;
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<PolicyExceptionEntity> {
    const exception = await manager.getRepository(PolicyExceptionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!exception) throw notFound('no exception has this id');
    return exception;
  }
}
