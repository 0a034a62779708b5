import type { GraphQLRequestContextExecutionDidStart, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { GraphQLError, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, GraphQLString } from 'graphql';
import type { AuditEntry, AuditRecorder } from './audit-recorder';
import { AuditPlugin } from './audit.plugin';

const Query = new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } });
const Mutation = new GraphQLObjectType({ name: 'Mutation', fields: { approveException: { type: GraphQLString } } });
const schema = new GraphQLSchema({ query: Query, mutation: Mutation });

function info(parentType: GraphQLObjectType, fieldName: string, nested = false): GraphQLResolveInfo {
  const path = nested
    ? { prev: { prev: undefined, key: 'x', typename: undefined }, key: fieldName, typename: undefined }
    : { prev: undefined, key: fieldName, typename: undefined };
  return { schema, parentType, fieldName, path } as unknown as GraphQLResolveInfo;
}

async function run(
  operation: 'query' | 'mutation',
  fields: Array<{ info: GraphQLResolveInfo; args: unknown; error?: Error; result?: unknown }>,
) {
  const entries: AuditEntry[] = [];
  let release: () => void = () => undefined;
  const recorded = new Promise<void>((resolve) => (release = resolve));
  const recorder = {
    record: jest.fn(async (entry: AuditEntry) => {
      entries.push(entry);
      await recorded;
    }),
  } as unknown as AuditRecorder;
  const listener = await new AuditPlugin(recorder).requestDidStart();
  const execution = await listener.executionDidStart!({
    operation: { operation },
  } as unknown as GraphQLRequestContextExecutionDidStart<never>);
  const contextValue = { req: { actor: { sub: 'val', roles: ['viewer'], ownerRefs: [] } } } as never;
  for (const field of fields) {
    const done = execution?.willResolveField?.({
      source: undefined,
      args: field.args as Record<string, unknown>,
      contextValue,
      info: field.info,
    });
    done?.(field.error ?? null, field.result);
  }
  let sent = false;
  const sending = listener.willSendResponse!({} as GraphQLRequestContextWillSendResponse<never>).then(() => (sent = true));
  await Promise.resolve();
  const sentBeforeRecorded = sent;
  release();
  await sending;
  return { entries, sentBeforeRecorded };
}

describe('AuditPlugin', () => {
  it('records each root mutation field with its actor, arguments, targets and outcome, before the response is sent', async () => {
    const refusal = new GraphQLError('Forbidden: approving needs security-admin', { extensions: { code: 'FORBIDDEN' } });
    const { entries, sentBeforeRecorded } = await run('mutation', [
      { info: info(Mutation, 'approveException'), args: { id: 'e-1', note: 'ok' }, error: refusal },
      // Nest's passthrough filter hands the error back as the resolver's value.
      { info: info(Mutation, 'approveException'), args: { id: 'e-2' }, result: refusal },
      { info: info(Mutation, 'approveException'), args: { id: 'e-3' }, result: { id: 'e-3', identityId: 'i-3' } },
      { info: info(Query, 'status', true), args: {}, result: 'nested field' },
    ]);

    expect(sentBeforeRecorded).toBe(false);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      actor: { sub: 'val', roles: ['viewer'] },
      operation: 'approveException',
      targetIds: ['e-1'],
      input: { id: 'e-1', note: 'ok' },
      result: { error: refusal },
    });
    expect(entries[1]).toMatchObject({ targetIds: ['e-2'], result: { error: refusal } });
    expect(entries[2]).toMatchObject({ targetIds: ['e-3', 'i-3'], result: { outcome: 'SUCCEEDED' } });
  });

  it('records a payload-form refusal (userErrors as data) as REJECTED or FORBIDDEN, never with its clientMutationId as a target', async () => {
    const refusedPayload = (code: string, message: string, field: string[] | null) => ({
      exception: null,
      userErrors: [{ field, message, code }],
      clientMutationId: 'row-1',
    });
    const { entries } = await run('mutation', [
      {
        info: info(Mutation, 'approveException'),
        args: { input: { id: 'e-1', clientMutationId: 'row-1' } },
        result: refusedPayload('CONFLICT', 'the exception is not REQUESTED: only a requested exception can be decided', ['id']),
      },
      {
        info: info(Mutation, 'approveException'),
        args: { input: { id: 'e-2', clientMutationId: 'row-1' } },
        result: refusedPayload('FORBIDDEN', 'the requester may not decide on their own request (separation of duties)', null),
      },
      {
        info: info(Mutation, 'approveException'),
        args: { input: { id: 'e-3', clientMutationId: 'row-1', idempotencyKey: 'k-1' } },
        result: { exception: { id: 'e-3', identityId: 'i-3' }, userErrors: [], clientMutationId: 'row-1' },
      },
    ]);

    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      targetIds: ['e-1'],
      result: {
        outcome: 'REJECTED',
        errorCode: 'CONFLICT',
        error: 'the exception is not REQUESTED: only a requested exception can be decided',
      },
    });
    expect(entries[1]).toMatchObject({
      targetIds: ['e-2'],
      result: { outcome: 'FORBIDDEN', errorCode: 'FORBIDDEN', error: expect.stringContaining('separation of duties') },
    });
    expect(entries[2]).toMatchObject({ targetIds: ['e-3', 'i-3'], result: { outcome: 'SUCCEEDED' } });
  });

  it('leaves queries alone', async () => {
    const { entries } = await run('query', [{ info: info(Query, 'ok'), args: {}, result: 'yes' }]);
    expect(entries).toEqual([]);
  });
});

describe('AuditPlugin with a result it cannot read', () => {
  it('still records the mutation, with the targets its arguments name', async () => {
    const unreadable = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('lazy relation not loaded');
      },
    });
    const { entries } = await run('mutation', [{ info: info(Mutation, 'approveException'), args: { id: 'e-9' }, result: unreadable }]);
    expect(entries).toMatchObject([{ targetIds: ['e-9'], result: { outcome: 'SUCCEEDED' } }]);
  });
});
