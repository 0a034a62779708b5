import { randomUUID } from 'node:crypto';
import { ownershipAssignedData, waitFor } from '@nhi/testing';
import { EXCEPTION_FIELDS, ExceptionView, exceptionsSpec, inDays, REQUESTER } from '../support/exceptions-client';

const spec = exceptionsSpec('exceptions-selection');

interface Group {
  groupId: string | null;
  exceptions: ExceptionView[];
  skipped: Array<{ identityId: string; reason: string }>;
}

function requestForSelection(selector: Record<string, unknown>, expiresAt = inDays(30)) {
  return spec.client.exceptions.query<{ requestExceptions: Group }>(
    `mutation($input: BulkExceptionRequestInput!) { requestExceptions(input: $input) {
       groupId exceptions { ${EXCEPTION_FIELDS} } skipped { identityId reason } } }`,
    { input: { selector, control: 'ROTATION', justification: 'legacy batch system, rotation breaks the nightly jobs', expiresAt } },
    REQUESTER,
  );
}

async function ownedBy(identityId: string, ownerId: string): Promise<void> {
  await spec.client.exceptions.publish('nhi.ownership.assigned', ownershipAssignedData(identityId, ownerId), 'ownership');
  await waitFor(
    async () =>
      (await spec.client.exceptions.sql('SELECT 1 FROM known_identities WHERE owner_id = $1 AND identity_id = $2', [ownerId, identityId]))
        .length > 0,
    { what: 'exceptions to learn the owner' },
  );
}

describe('exceptions for a selection of identities', () => {
  it('creates linked exceptions for a system, reports the identities it skipped, approves them together and lets each end on its own', async () => {
    const { client } = spec;
    const system = `batch-${randomUUID()}`;
    const ids = [await client.discovered({ system }), await client.discovered({ system }), await client.discovered({ system })];
    await client.discovered({ system: 'elsewhere' });
    const already = await client.requested({ identityId: ids[2] });

    const result = await requestForSelection({ system });
    const group = result.data!.requestExceptions;
    expect(group.exceptions.map((e) => e.identityId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(new Set(group.exceptions.map((e) => e.groupId))).toEqual(new Set([group.groupId]));
    expect(group.skipped).toEqual([
      { identityId: ids[2], reason: expect.stringContaining(`already has an open exception of this control (${already.id}`) },
    ]);

    const approved = await client.decide('approve', group.exceptions[0].id, 'the batch system is retired in Q2');
    expect(approved.data?.approveException.status).toBe('APPROVED');
    for (const exception of group.exceptions) {
      expect(await client.exception(exception.id)).toMatchObject({ status: 'APPROVED', decidedBy: 'sam-approver' });
    }
    expect((await client.exception(already.id)).status).toBe('REQUESTED');

    await client.decide('revoke', group.exceptions[1].id, 'this one can rotate after all');
    expect((await client.exception(group.exceptions[1].id)).status).toBe('REVOKED');
    expect((await client.exception(group.exceptions[0].id)).status).toBe('APPROVED');
  });

  it('selects by PRIMARY owner as ownership reports it', async () => {
    const { client } = spec;
    const owner = randomUUID();
    const mine = await client.discovered();
    await client.discovered();
    await ownedBy(mine, owner);
    const group = (await requestForSelection({ ownerId: owner })).data!.requestExceptions;
    expect(group.exceptions.map((e) => e.identityId)).toEqual([mine]);
  });

  it('says when a selector is empty or matches nothing, and reports unknown ids', async () => {
    const empty = await requestForSelection({});
    expect(empty.errors?.[0]).toMatchObject({
      message: 'selector needs at least one of system, ownerId or identityIds',
      extensions: { field: 'selector' },
    });
    const nothing = await requestForSelection({ system: `none-${randomUUID()}` });
    expect(nothing.errors?.[0].message).toBe('the selector matches no identity known to exceptions');
    const known = await spec.client.discovered();
    const unknown = randomUUID();
    const group = (await requestForSelection({ identityIds: [known, unknown] })).data!.requestExceptions;
    expect(group.exceptions.map((e) => e.identityId)).toEqual([known]);
    expect(group.skipped).toEqual([{ identityId: unknown, reason: expect.stringContaining('not known to exceptions') }]);
  });
});

describe('renewal', () => {
  it('is a new request linked to the exception it renews, allowed while that one is still approved', async () => {
    const { client } = spec;
    const identityId = await client.discovered();
    const first = await client.requested({ identityId });
    await client.decide('approve', first.id, null);

    const renewal = await client.requested({ identityId, renewsId: first.id, expiresAt: inDays(60) });
    expect(renewal).toMatchObject({ status: 'REQUESTED', renewsId: first.id });
    const second = await client.request({ identityId, renewsId: first.id });
    expect(second.errors?.[0].message).toBe(
      `the identity already has a newer open exception of this control (${renewal.id}, REQUESTED); renew that one`,
    );
    const wrongControl = await client.request({ identityId, control: 'NHI2', renewsId: first.id });
    expect(wrongControl.errors?.[0]).toMatchObject({
      message: 'renewsId names no exception of this identity and control',
      extensions: { field: 'renewsId' },
    });
    await client.decide('approve', renewal.id, 'one more quarter');
    expect((await client.exception(first.id)).status).toBe('APPROVED');
    expect((await client.exception(renewal.id)).status).toBe('APPROVED');
  });
});
