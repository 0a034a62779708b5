import { randomUUID } from 'node:crypto';
import { ownershipAssignedData, waitFor } from '@nhi/testing';
import { APPROVER, exceptionsSpec, inDays } from '../support/exceptions-client';

const spec = exceptionsSpec('exceptions-queues');

interface Connection {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string; control: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const PENDING = `query($filter: ExceptionQueueFilter, $first: Int, $after: String, $orderBy: ExceptionOrder) {
  pendingExceptions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount edges { cursor node { id control } } pageInfo { hasNextPage endCursor }
  }
}`;
const APPROVED = `query($filter: ApprovedExceptionFilter, $first: Int, $after: String, $orderBy: ExceptionOrder) {
  approvedExceptions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount edges { cursor node { id control } } pageInfo { hasNextPage endCursor }
  }
}`;

async function read(query: string, field: string, variables: Record<string, unknown>): Promise<Connection> {
  const result = await spec.client.exceptions.query<Record<string, Connection>>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data![field]!;
}

const ids = (connection: Connection) => connection.edges.map((edge) => edge.node.id);

describe('pendingExceptions and approvedExceptions', () => {
  it('filter by business unit, owner and control, count, page, and order by request or expiry', async () => {
    const businessUnit = `bu-${randomUUID().slice(0, 8)}`;
    const ownerId = randomUUID();
    const [a, b] = [await spec.client.discovered({ businessUnit }), await spec.client.discovered({ businessUnit })];
    await spec.client.exceptions.publish('nhi.ownership.assigned', ownershipAssignedData(b, ownerId), 'ownership');
    await waitFor(
      async () => (await spec.client.exceptions.sql('SELECT 1 FROM known_identities WHERE owner_id = $1', [ownerId])).length > 0,
      {
        what: 'exceptions to learn the owner',
      },
    );
    const rotationA = (await spec.client.requested({ identityId: a, control: 'ROTATION', expiresAt: inDays(20) })).id;
    const ownershipA = (await spec.client.requested({ identityId: a, control: 'OWNERSHIP', expiresAt: inDays(5) })).id;
    const rotationB = (await spec.client.requested({ identityId: b, control: 'ROTATION', expiresAt: inDays(10) })).id;

    const unit = await read(PENDING, 'pendingExceptions', { filter: { businessUnit } });
    expect(ids(unit)).toEqual([rotationA, ownershipA, rotationB]);
    expect(unit.totalCount).toBe(3);
    expect(ids(await read(PENDING, 'pendingExceptions', { filter: { ownerId } }))).toEqual([rotationB]);
    expect(ids(await read(PENDING, 'pendingExceptions', { filter: { businessUnit, control: ['ROTATION'] } }))).toEqual([
      rotationA,
      rotationB,
    ]);
    const firstPage = await read(PENDING, 'pendingExceptions', { filter: { businessUnit }, first: 2 });
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    expect(
      ids(await read(PENDING, 'pendingExceptions', { filter: { businessUnit }, first: 2, after: firstPage.pageInfo.endCursor })),
    ).toEqual([rotationB]);

    for (const id of [rotationA, ownershipA, rotationB])
      expect((await spec.client.decide('approve', id, null, APPROVER)).errors).toBeUndefined();
    expect((await read(PENDING, 'pendingExceptions', { filter: { businessUnit } })).totalCount).toBe(0);
    const approved = await read(APPROVED, 'approvedExceptions', { filter: { businessUnit } });
    expect(ids(approved)).toEqual([ownershipA, rotationB, rotationA]);
    expect(approved.totalCount).toBe(3);
    const soon = await read(APPROVED, 'approvedExceptions', { filter: { businessUnit, expiresWithinDays: 12 } });
    expect(ids(soon)).toEqual([ownershipA, rotationB]);

    const tooFar = await spec.client.exceptions.query(APPROVED, { filter: { expiresWithinDays: 999 } });
    expect(tooFar.errors?.[0]).toMatchObject({
      message: 'filter.expiresWithinDays must be a whole number of days from 0 to 366',
      extensions: { code: 'BAD_USER_INPUT', field: 'filter.expiresWithinDays' },
    });
    const notAnId = await spec.client.exceptions.query(PENDING, { filter: { ownerId: 'team-payments' } });
    expect(notAnId.errors?.[0]).toMatchObject({
      message: 'filter.ownerId is not an id this API issued (a UUID)',
      extensions: { code: 'BAD_USER_INPUT', field: 'filter.ownerId' },
    });
    const forged = await spec.client.exceptions.query(PENDING, { after: 'forged' });
    expect(forged.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });

  it('sort by request or expiry time, either way, and page in that order; a cursor from another order is refused', async () => {
    const businessUnit = `bu-${randomUUID().slice(0, 8)}`;
    const [a, b] = [await spec.client.discovered({ businessUnit }), await spec.client.discovered({ businessUnit })];
    // Requested in this order, expiring in another: first 20 days out, second 5, third 10.
    const first = (await spec.client.requested({ identityId: a, control: 'ROTATION', expiresAt: inDays(20) })).id;
    const second = (await spec.client.requested({ identityId: a, control: 'OWNERSHIP', expiresAt: inDays(5) })).id;
    const third = (await spec.client.requested({ identityId: b, control: 'ROTATION', expiresAt: inDays(10) })).id;
    const pending = (orderBy: unknown, page: { first?: number; after?: string | null } = {}) =>
      read(PENDING, 'pendingExceptions', { filter: { businessUnit }, orderBy, ...page });

    expect(ids(await pending({ field: 'REQUESTED_AT', direction: 'DESC' }))).toEqual([third, second, first]);
    expect(ids(await pending({ field: 'EXPIRES_AT' }))).toEqual([second, third, first]);
    const latestExpiry = await pending({ field: 'EXPIRES_AT', direction: 'DESC' }, { first: 2 });
    expect(ids(latestExpiry)).toEqual([first, third]);
    expect(latestExpiry.totalCount).toBe(3);
    const rest = await pending({ field: 'EXPIRES_AT', direction: 'DESC' }, { first: 2, after: latestExpiry.pageInfo.endCursor });
    expect(ids(rest)).toEqual([second]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const mixed = await spec.client.exceptions.query(PENDING, {
      filter: { businessUnit },
      orderBy: { field: 'REQUESTED_AT' },
      after: latestExpiry.pageInfo.endCursor,
    });
    expect(mixed.errors?.[0]).toMatchObject({
      message: 'after was issued for another orderBy; start again without after',
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    // The default order is REQUESTED_AT ascending, spelled out or not: its cursors serve both.
    const byDefault = await pending(null, { first: 1 });
    expect(ids(await pending({ field: 'REQUESTED_AT', direction: 'ASC' }, { after: byDefault.pageInfo.endCursor }))).toEqual([
      second,
      third,
    ]);

    for (const id of [first, second, third]) expect((await spec.client.decide('approve', id, null, APPROVER)).errors).toBeUndefined();
    const approved = await read(APPROVED, 'approvedExceptions', {
      filter: { businessUnit },
      orderBy: { field: 'EXPIRES_AT', direction: 'DESC' },
    });
    expect(ids(approved)).toEqual([first, third, second]);
    const byRequest = await read(APPROVED, 'approvedExceptions', { filter: { businessUnit }, orderBy: { field: 'REQUESTED_AT' } });
    expect(ids(byRequest)).toEqual([first, second, third]);
  });
});
