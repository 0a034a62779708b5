import { randomUUID } from 'node:crypto';
import { identityDiscoveredData, ownershipAssignedData, subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('metrics', bootstrap);

const TIMELINE = `
  query($id: ID!, $first: Int, $after: String, $kinds: [TimelineEntryKind!]) {
    _entities(representations: [{ __typename: "NonHumanIdentity", id: $id }]) {
      ... on NonHumanIdentity {
        timeline(first: $first, after: $after, kinds: $kinds) {
          totalCount
          edges { cursor node { at kind eventType summary actor } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }`;

interface Entry {
  at: string;
  kind: string;
  eventType: string;
  summary: string;
  actor: string | null;
}
interface Timeline {
  _entities: Array<{
    timeline: {
      totalCount: number;
      edges: Array<{ cursor: string; node: Entry }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  }>;
}

const at = (hour: number) => new Date(Date.UTC(2026, 10, 20, hour)).toISOString();

describe('NonHumanIdentity.timeline', () => {
  it('merges every service’s events about an identity, newest first, each once, without the free text people wrote', async () => {
    const discovered = identityDiscoveredData({ name: 'timeline-key', kind: 'API_KEY' }, at(1));
    const id = discovered.identity.id;
    const first = await spec.subgraph.publish('nhi.identity.discovered', discovered);
    await spec.subgraph.publish('nhi.finding.opened', {
      identityId: id,
      findingId: randomUUID(),
      category: 'NHI2',
      code: 'SECRET_IN_CODE',
      severity: 'HIGH',
      detail: 'found in repo private-detail',
      detectedAt: at(2),
    });
    await spec.subgraph.publish(
      'nhi.ownership.assigned',
      ownershipAssignedData(id, randomUUID(), { assignedAt: at(3), actor: 'alice', reason: 'private-reason' }),
      'ownership',
    );
    const requestId = randomUUID();
    await spec.subgraph.publish(
      'nhi.credential.rotation-requested',
      { requestId, identityId: id, attempt: 1, reason: 'private-rotation-reason', requestedAt: at(4), deadline: at(5) },
      'lifecycle',
    );
    await spec.subgraph.publish(
      'nhi.credential.rotated',
      { requestId, identityId: id, rotatedAt: at(5), newCredentialFingerprint: null, newExpiresAt: null, nextRotationDueAt: at(20) },
      'lifecycle',
    );
    await spec.subgraph.publish(
      'nhi.exception.requested',
      {
        exceptionId: randomUUID(),
        identityId: id,
        control: 'ROTATION',
        expiresAt: at(30),
        groupId: null,
        actor: 'bob',
        at: at(6),
        justification: 'private-justification',
        compensatingControls: [],
        riskRating: null,
        renewsId: null,
      },
      'exceptions',
    );
    await spec.subgraph.redeliver(first);

    const read = async (variables: Record<string, unknown>) => {
      const result = await spec.subgraph.query<Timeline>(TIMELINE, { id, ...variables });
      expect(result.errors).toBeUndefined();
      return result.data!._entities[0].timeline;
    };
    const all = await waitFor(
      async () => {
        const timeline = await read({});
        return timeline.totalCount === 6 && timeline;
      },
      { what: 'six timeline entries from four topics' },
    );
    expect(all.edges.map((edge) => [edge.node.kind, edge.node.summary])).toEqual([
      ['EXCEPTION', 'Exception requested (ROTATION)'],
      ['ROTATION', 'Credential rotated'],
      ['ROTATION', 'Rotation requested (attempt 1)'],
      ['OWNERSHIP', 'Owner assigned (PRIMARY, via MANUAL)'],
      ['FINDING', 'Finding opened: NHI2 SECRET_IN_CODE (HIGH)'],
      ['INVENTORY', 'Discovered by aws-config'],
    ]);
    expect(all.edges.map((edge) => edge.node.actor)).toEqual(['bob', null, null, 'alice', null, null]);
    expect(JSON.stringify(all)).not.toContain('private-');

    const rotations = await read({ kinds: ['ROTATION'] });
    expect(rotations.totalCount).toBe(2);
    const page1 = await read({ first: 4 });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await read({ first: 4, after: page1.pageInfo.endCursor });
    expect(page2.edges.map((edge) => edge.node.eventType)).toEqual(['nhi.finding.opened', 'nhi.identity.discovered']);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const bad = await spec.subgraph.query(TIMELINE, { id, after: 'forged' });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });
});
