import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PeriodicJob, runExclusively } from '@nhi/runtime';
import { EXCEPTIONS_CONFIG, ExceptionsConfig } from '../exceptions-config';
import { ExceptionJournal, SYSTEM_ACTOR } from './exception-journal';
import { PolicyExceptionEntity } from './policy-exception.entity';
import { reminderDue } from './reminder-schedule';

const BATCH = 500;

/**
 * Every EXCEPTIONS_TICK_MS (1 s by default): exceptions past expiresAt become
 * EXPIRED, with the event that makes lifecycle enforce the control again, and
 * reminders go out before expiry. One instance at a time across replicas (the
 * others skip the tick), and a row changes only from the status it was read in
 * (locked; SKIP LOCKED passes over one that a mutation holds), so nothing is
 * expired or reminded twice.
 */
@Injectable()
export class ExceptionClock extends PeriodicJob {
  constructor(
    @Inject(EXCEPTIONS_CONFIG) private readonly config: ExceptionsConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly journal: ExceptionJournal,
  ) {
    super('exception clock', config.EXCEPTIONS_TICK_MS, new Logger('ExceptionClock'));
  }

  async run(now = new Date()): Promise<{ expired: number; reminded: number }> {
    const done = await runExclusively(this.dataSource, 'nhi.exception-clock', async (manager) => {
      const expired = await this.expire(manager, now);
      const reminded = await this.remind(manager, now);
      if (expired) this.logger.log(`${expired} exceptions expired`);
      return { expired, reminded };
    });
    return done ?? { expired: 0, reminded: 0 };
  }

  private async expire(manager: EntityManager, now: Date): Promise<number> {
    const rows = await this.due(manager, "e.status IN ('REQUESTED', 'APPROVED') AND e.expires_at <= :now", 'e.expires_at', now);
    for (const exception of rows) {
      const previousStatus = exception.status as 'REQUESTED' | 'APPROVED';
      Object.assign(exception, { status: 'EXPIRED', nextReminderAt: null });
      await manager.getRepository(PolicyExceptionEntity).save(exception);
      const note = previousStatus === 'APPROVED' ? 'expired: the control is enforced again' : 'expired before anyone decided';
      await this.journal.record(manager, exception, { action: 'EXPIRED', actor: SYSTEM_ACTOR, note, at: now }, { previousStatus });
    }
    return rows.length;
  }

  private async remind(manager: EntityManager, now: Date): Promise<number> {
    const rows = await this.due(manager, "e.status = 'APPROVED' AND e.next_reminder_at <= :now", 'e.next_reminder_at', now);
    let reminded = 0;
    for (const exception of rows) {
      const due = reminderDue(exception.expiresAt, this.config.EXCEPTION_REMINDER_DAYS, now);
      exception.nextReminderAt = due?.nextReminderAt ?? null;
      await manager.getRepository(PolicyExceptionEntity).save(exception);
      if (!due) continue;
      const note = `expires in ${due.daysLeft} days`;
      await this.journal.record(manager, exception, { action: 'REMINDED', actor: SYSTEM_ACTOR, note, at: now }, { daysLeft: due.daysLeft });
      reminded += 1;
    }
    return reminded;
  }

  private due(manager: EntityManager, condition: string, order: string, now: Date): Promise<PolicyExceptionEntity[]> {
    return manager
      .getRepository(PolicyExceptionEntity)
      .createQueryBuilder('e')
      .where(condition, { now })
      .orderBy(order)
      .limit(BATCH)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }
}
