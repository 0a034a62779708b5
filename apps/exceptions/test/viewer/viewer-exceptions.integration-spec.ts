import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { exceptionsSpec } from '../support/exceptions-client';

/** Exceptions adds `exceptionsToDecide` to the Viewer that ownership's `viewer` query returns. */
const spec = exceptionsSpec('exceptions-viewer');

const admin = (): Actor => ({ sub: `admin-${randomUUID()}`, roles: ['owner', 'security-admin'], ownerRefs: [] });

async function toDecide(subject: string, actor: Actor): Promise<Array<{ id: string }> | null | undefined> {
  const result = await spec.client.exceptions.query<{ _entities: Array<{ exceptionsToDecide: Array<{ id: string }> | null }> }>(
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Viewer { exceptionsToDecide(first: 500) { id } } } }',
    { r: [{ __typename: 'Viewer', subject }] },
    actor,
  );
  if (result.errors) throw new Error(`Viewer reference failed: ${JSON.stringify(result.errors)}`);
  return result.data?._entities[0].exceptionsToDecide;
}

const ids = (list: Array<{ id: string }> | null | undefined) => (list ?? []).map((exception) => exception.id);

describe('Viewer.exceptionsToDecide', () => {
  it('lists a security-admin the open requests of others, never their own, and drops one once decided', async () => {
    const [ann, ben] = [admin(), admin()];
    const fromAnn = await spec.client.requested({ identityId: await spec.client.discovered() }, ann);
    const fromBen = await spec.client.requested({ identityId: await spec.client.discovered() }, ben);

    const forAnn = ids(await toDecide(ann.sub, ann));
    expect(forAnn).toContain(fromBen.id);
    expect(forAnn).not.toContain(fromAnn.id);
    const forBen = ids(await toDecide(ben.sub, ben));
    expect(forBen).toContain(fromAnn.id);
    expect(forBen).not.toContain(fromBen.id);

    expect((await spec.client.decide('approve', fromBen.id, null, ann)).errors).toBeUndefined();
    expect(ids(await toDecide(ann.sub, ann))).not.toContain(fromBen.id);
  });

  it('lists nothing to a caller who may not approve, and answers null for a subject other than the verified caller', async () => {
    const ann = admin();
    await spec.client.requested({ identityId: await spec.client.discovered() }, admin());
    const owner: Actor = { sub: `owner-${randomUUID()}`, roles: ['owner'], ownerRefs: [] };

    expect(await toDecide(owner.sub, owner)).toEqual([]);
    expect(await toDecide(ann.sub, owner)).toBeNull();
    expect(await toDecide(owner.sub, ann)).toBeNull();
  });
});
