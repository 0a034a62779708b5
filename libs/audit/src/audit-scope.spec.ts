import type { NhiEvent } from '@nhi/contracts';
import { AuditScope, auditScopeOf, currentAuditScope, openAuditScope, runInAuditScope } from './audit-scope';

const event = (subject: string, data: Record<string, unknown>) => ({ subject, data }) as unknown as NhiEvent;

describe('AuditScope', () => {
  it("names the arguments' ids, then those of the events the mutation enqueued, then its result's, each once", () => {
    const scope = new AuditScope(null, 'requestException', { input: { identityId: 'i-1', note: 'x' } }, new Date());
    scope.noteEvents([event('i-1', { exceptionId: 'e-1', identityId: 'i-1', externalId: 'not-a-target' })]);
    expect(scope.targetIds()).toEqual(['i-1', 'e-1']);
    expect(scope.targetIds({ id: 'e-1', groupId: 'g-1' })).toEqual(['i-1', 'e-1', 'g-1']);
  });

  it("leaves a payload-form mutation's clientMutationId and idempotencyKey out of its targets", () => {
    const input = { input: { identityId: 'i-1', clientMutationId: 'row-1', idempotencyKey: 'k-1' } };
    const scope = new AuditScope(null, 'exceptionCreate', input, new Date());
    expect(scope.targetIds({ exception: { id: 'e-1' }, userErrors: [], clientMutationId: 'row-1' })).toEqual(['i-1', 'e-1']);
  });

  it('is open for recording until it is recorded or its field settled', () => {
    const recorded = new AuditScope(null, 'op', {}, new Date());
    const settled = new AuditScope(null, 'op', {}, new Date());
    expect(recorded.open).toBe(true);
    recorded.recorded = true;
    settled.settled = true;
    expect([recorded.open, settled.open]).toEqual([false, false]);
  });

  it("is found by its field's resolve info, and is current only inside runInAuditScope and what it awaits", async () => {
    const info = {};
    const scope = new AuditScope(null, 'op', {}, new Date());
    openAuditScope(info, scope);
    expect(auditScopeOf(info)).toBe(scope);
    expect(auditScopeOf({})).toBeUndefined();
    const seen = await runInAuditScope(scope, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentAuditScope();
    });
    expect(seen).toBe(scope);
    expect(currentAuditScope()).toBeUndefined();
  });
});
