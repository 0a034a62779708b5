import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CanAudit } from '@nhi/auth';
import { AuditLogFilterInput } from './audit-log.filter';
import { AuditLogService } from './audit-log.service';
import { AuditRecordConnectionModel, AuditRecordModel } from './audit-record.model';

/** The platform's audit trail: every mutation and bulk ingest of every service, for auditors and security-admins. */
@CanAudit('read the audit log')
@Resolver(() => AuditRecordModel)
export class AuditLogResolver {
  constructor(private readonly records: AuditLogService) {}

  @Query(() => AuditRecordConnectionModel, {
    description:
      'Audit records of every service (mutations and bulk ingests, refused and failed ones included), newest first. Append-only: never changed or removed.',
  })
  auditLog(
    @Args('filter', { type: () => AuditLogFilterInput, nullable: true, description: 'Which records to list; every record when null.' })
    filter: AuditLogFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size: 1 to 500, 50 when null.' }) first: number | null,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'The endCursor of the previous page; the newest records when null.',
    })
    after: string | null,
  ): Promise<AuditRecordConnectionModel> {
    return this.records.page(filter, first, after);
  }
}
