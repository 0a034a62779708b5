import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { AuditRecorder } from './audit-recorder';
import { currentAuditScope } from './audit-scope';

/**
 * Writes a mutation's audit record into the first transaction of the mutation
 * that changes anything, just before it commits: the record and the change
 * commit together, so a process that dies after the commit cannot lose the
 * record (ADR 0013). Read-only transactions (a REPEATABLE READ snapshot) and
 * savepoints are passed over. A mutation that commits nothing, fails, or is
 * refused before its resolver runs is recorded by AuditPlugin once it settles.
 */
@Injectable()
export class AuditInTransaction implements EntitySubscriberInterface {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly recorder: AuditRecorder,
  ) {
    dataSource.subscribers.push(this);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const scope = currentAuditScope();
    if (!scope?.open || nestingDepth(event.queryRunner) > 1) return;
    const [{ wrote }] = await event.manager.query<Array<{ wrote: boolean }>>(
      'SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote',
    );
    if (!wrote) return;
    // A failure here fails the commit, and with it the mutation: a change without its record is what this prevents.
    await this.recorder.write(event.manager, {
      actor: scope.actor,
      operation: scope.operation,
      targetIds: scope.targetIds(),
      input: scope.input,
      result: { outcome: 'SUCCEEDED' },
      startedAt: scope.startedAt,
    });
    scope.recorded = true;
    this.logger.debug(`${scope.operation}: audit record written in the mutation's transaction`);
  }
}

/** TypeORM keeps the savepoint depth protected; the commit of a savepoint is not the commit of the change. */
function nestingDepth(queryRunner: object): number {
  return (queryRunner as { transactionDepth?: number }).transactionDepth ?? 1;
}
