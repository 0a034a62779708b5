import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
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
    // Claimed before the write: a mutation's transactions may commit side by side (an ingest's lanes).
    if (!wrote || !scope.open) return;
    scope.recorded = true;
    try {
      await this.recorder.write(event.manager, {
        actor: scope.actor,
        operation: scope.operation,
        targetIds: scope.targetIds(),
        input: scope.input,
        result: { outcome: 'SUCCEEDED' },
        startedAt: scope.startedAt,
      });
    } catch (error) {
      scope.recorded = false;
      // The statement failed: the transaction is lost with it, and the commit fails, as it must without its record.
      if (error instanceof QueryFailedError) throw error;
      // Refused before any statement (the record broke its contract): the change commits, and the record is
      // tried again, and logged as lost if it fails again, once the mutation settled.
      this.logger.warn(`${scope.operation}: the audit record could not be written with the change (${describe(error)})`);
    }
  }
}

/** TypeORM keeps the savepoint depth protected; the commit of a savepoint is not the commit of the change. */
function nestingDepth(queryRunner: object): number {
  return (queryRunner as { transactionDepth?: number }).transactionDepth ?? 1;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
