import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import type { RequestWithActor } from '@nhi/auth';
import { classifyUserErrors } from './audit-outcome';
import { AuditRecorder, type AuditEntry } from './audit-recorder';
import { AuditScope, openAuditScope } from './audit-scope';

interface ContextWithRequest extends BaseContext {
  req?: RequestWithActor;
}

/**
 * Target ids, never an exception: this runs in Apollo's promise callback, where
 * a throw (a result with a getter that fails) would become an unhandled rejection.
 */
function targetsOf(scope: AuditScope, result: unknown): string[] {
  try {
    return scope.targetIds(result);
  } catch {
    try {
      return scope.targetIds();
    } catch {
      return [];
    }
  }
}

/** What became of a settled mutation field: an error it ended with, the refusal its payload carries, or success. */
function resultOf(failure: unknown, result: unknown): AuditEntry['result'] {
  if (failure) return { error: failure };
  try {
    return classifyUserErrors(result) ?? { outcome: 'SUCCEEDED' };
  } catch {
    // A payload whose userErrors cannot be read: the mutation is recorded all the same.
    return { outcome: 'SUCCEEDED' };
  }
}

/**
 * Records every GraphQL mutation, whatever becomes of it. It sits in Apollo
 * Server rather than in a Nest interceptor because Nest runs guards before
 * interceptors: a mutation the AccessGuard refuses never reaches one. Apollo's
 * `willResolveField` wraps the whole Nest resolver (guards, pipes, the
 * resolver and exception filters), and hands back the arguments as the caller
 * sent them and the raw result (before field selection, so a result's id is
 * known even when the caller did not ask for it).
 *
 * A payload-form mutation (ADR 0037) that refused with userErrors answered
 * without an error, but did nothing: its record is FORBIDDEN or REJECTED
 * with a user error's code and message (classifyUserErrors), as the error it
 * stands for would be.
 *
 * Each root mutation field becomes one record. The plugin opens the field's
 * audit scope; a transaction of the mutation that commits a change writes the
 * record with it (AuditInTransaction, in the scope AuditScopeInterceptor runs
 * the resolver in). When the field settled without that (refused, failed,
 * nothing changed), the record is written here, in a statement of its own;
 * the response waits until the records are in the outbox, and a record that
 * cannot be written is logged, never answered.
 */
@Plugin()
export class AuditPlugin implements ApolloServerPlugin<ContextWithRequest> {
  constructor(private readonly recorder: AuditRecorder) {}

  async requestDidStart(): Promise<GraphQLRequestListener<ContextWithRequest>> {
    const recording: Array<Promise<void>> = [];
    const recorder = this.recorder;
    return {
      async executionDidStart(requestContext) {
        // Queries are not audited and get no field listener: their fields run without a per-field hook.
        if (requestContext.operation.operation !== 'mutation') return;
        return {
          willResolveField({ info, args, contextValue }) {
            if (info.path.prev !== undefined || info.parentType !== info.schema.getMutationType()) return;
            const scope = new AuditScope(contextValue.req?.actor ?? null, info.fieldName, args, new Date());
            openAuditScope(info, scope);
            return (error: unknown, result: unknown) => {
              scope.settled = true;
              // Committed with the change; a failure after that commit does not undo what was committed.
              if (scope.recorded) return;
              // A Nest exception filter that returns the error (GraphQLErrorPassthroughFilter) makes it the resolver's value.
              const failure = error ?? (result instanceof Error ? result : undefined);
              recording.push(
                recorder.record({
                  actor: scope.actor,
                  operation: scope.operation,
                  targetIds: targetsOf(scope, failure ? undefined : result),
                  input: args,
                  result: resultOf(failure, result),
                  startedAt: scope.startedAt,
                }),
              );
            };
          },
        };
      },
      async willSendResponse() {
        await Promise.all(recording);
      },
    };
  }
}
