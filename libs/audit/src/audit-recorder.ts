import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditOutcome, AuditRecordedData } from '@nhi/contracts';
import { MESSAGING_OPTIONS, OutboxService, type MessagingOptions } from '@nhi/messaging';
import { classifyError } from './audit-outcome';
import { redact, redactText } from './redaction';
import { MAX_TARGET_IDS } from './target-ids';

/** Who acted, as far as the service knows; null when the request could not be authenticated. */
export interface AuditActor {
  sub: string;
  roles: readonly string[];
}

export interface AuditEntry {
  actor: AuditActor | null;
  operation: string;
  targetIds: readonly string[];
  /** The arguments as the caller sent them: redacted here, never stored as they are. */
  input: unknown;
  /** SUCCEEDED, or the error the operation ended with (classified into FORBIDDEN, REJECTED or FAILED). */
  result: { outcome: 'SUCCEEDED' } | { error: unknown } | { outcome: Exclude<AuditOutcome, 'SUCCEEDED'>; errorCode: string; error: string };
  details?: Record<string, number | boolean | string> | null;
  startedAt: Date;
  settledAt?: Date;
}

export const ANONYMOUS = 'anonymous';

/**
 * Writes audit records through the service's outbox. A mutation that commits a
 * change has its record written in that transaction (AuditInTransaction, with
 * write()); one that failed, was refused or changed nothing is recorded by
 * record(), in a statement of its own once it settled.
 * record() never throws: an operation's answer does not depend on it. A record
 * that could not be written is logged as an error with everything but the input.
 */
@Injectable()
export class AuditRecorder {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
  ) {}

  /** The record an entry becomes: redacted input and error, bounded targets. */
  toRecord(entry: AuditEntry): AuditRecordedData {
    const settledAt = entry.settledAt ?? new Date();
    const outcome =
      'error' in entry.result && !('outcome' in entry.result)
        ? classifyError(entry.result.error)
        : entry.result.outcome === 'SUCCEEDED'
          ? null
          : { ...entry.result, error: redactText(entry.result.error) };
    const targetIds = [...new Set(entry.targetIds)].slice(0, MAX_TARGET_IDS).map((id) => redactText(id).slice(0, 500));
    return {
      actor: (entry.actor?.sub || ANONYMOUS).slice(0, 200),
      roles: [...(entry.actor?.roles ?? [])],
      service: this.messaging.serviceName,
      operation: entry.operation,
      targetIds,
      outcome: outcome?.outcome ?? 'SUCCEEDED',
      errorCode: outcome?.errorCode ?? null,
      error: outcome?.error ?? null,
      input: redact(entry.input ?? {}),
      details: entry.details ?? null,
      at: settledAt.toISOString(),
      durationMs: Math.max(0, settledAt.getTime() - entry.startedAt.getTime()),
    };
  }

  /** Writes the record with the caller's manager (its transaction); throws when it cannot. */
  async write(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await this.enqueue(manager, this.toRecord(entry));
  }

  private async enqueue(manager: EntityManager, data: AuditRecordedData): Promise<void> {
    await this.outbox.enqueue(manager, { type: 'nhi.audit.recorded', subject: data.targetIds[0] ?? data.actor, data });
  }

  /** Records an operation; resolves when the record is in the outbox, or was lost and logged. Never rejects. */
  async record(entry: AuditEntry): Promise<void> {
    let record: AuditRecordedData | undefined;
    try {
      record = this.toRecord(entry);
      // The outbox insert and its NOTIFY are one statement, atomic on its own: no transaction around it.
      await this.enqueue(this.dataSource.manager, record);
    } catch (error) {
      this.logger.error(
        {
          auditRecordLost: true,
          operation: entry.operation,
          actor: entry.actor?.sub ?? ANONYMOUS,
          outcome: record?.outcome,
          targetIds: record?.targetIds ?? [],
          err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error),
        },
        `AUDIT RECORD LOST: ${entry.operation} by ${entry.actor?.sub ?? ANONYMOUS} could not be recorded`,
      );
    }
  }
}
