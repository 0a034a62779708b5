import { Module } from '@nestjs/common';
import { AuditLogResolver } from './audit-log.resolver';
import { AuditLogService } from './audit-log.service';
import { AuditRecordsHandler } from './audit-records.handler';

/** The audit log: records from every service's nhi.audit.events.v1, kept append-only and served as auditLog. */
@Module({ providers: [AuditRecordsHandler, AuditLogService, AuditLogResolver] })
export class AuditModule {}
