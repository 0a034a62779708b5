import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Observable } from 'rxjs';
import { withOutboxTap } from '@nhi/messaging';
import { auditScopeOf, runInAuditScope } from './audit-scope';

/**
 * Runs a root mutation's resolver inside its audit scope (opened by AuditPlugin),
 * so that the transaction that commits the mutation also commits its audit
 * record (AuditInTransaction) and the events it enqueues name its targets.
 * Nest's handler captures the async context when handle() is called, which is
 * why handle() is called inside the scope.
 */
@Injectable()
export class AuditScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const info = GqlExecutionContext.create(context).getInfo<object | undefined>();
    const scope = info ? auditScopeOf(info) : undefined;
    if (!scope) return next.handle();
    return runInAuditScope(scope, () =>
      withOutboxTap(
        (events) => scope.noteEvents(events),
        () => next.handle(),
      ),
    );
  }
}
