import type { IntegratorResult } from '../events';
import type { ConformanceCase, ObservedAnswer } from './conformance-case';
import { checkCase, strayCheck } from './conformance-checks';
import { conformanceCases } from './conformance-cases';
import { reportTable } from './report-table';

const [rotation, , duplicate, expired, unknownKind, elsewhere] = conformanceCases('demo') as [
  ConformanceCase,
  ConformanceCase,
  ConformanceCase,
  ConformanceCase,
  ConformanceCase,
  ConformanceCase,
];

function answerTo(testCase: ConformanceCase, type: string, overrides: Partial<ObservedAnswer> = {}, id = 'a-1'): ObservedAnswer {
  const { requestId, nhiId } = testCase.data;
  const event = { specversion: '1.0', id, source: '/integrators/acme', type, time: new Date().toISOString(), data: { requestId, nhiId } };
  return {
    topic: 'rotation',
    key: nhiId,
    receivedAt: new Date(),
    event: event as unknown as IntegratorResult,
    invalid: null,
    requestId,
    ...overrides,
  };
}

const failedChecks = (testCase: ConformanceCase, answers: ObservedAnswer[]) =>
  checkCase(testCase, answers, 5)
    .filter((r) => !r.passed)
    .map((r) => r.check);

describe('conformance checks', () => {
  it('passes a keyed, correlated answer before the deadline, and fails each fault by name', () => {
    expect(failedChecks(rotation, [answerTo(rotation, 'nhi.rotation.completed')])).toEqual([]);
    expect(failedChecks(rotation, [])).toEqual(['answered']);
    expect(failedChecks(rotation, [answerTo(rotation, 'nhi.rotation.completed', { key: 'wrong' })])).toEqual(['key']);
    expect(failedChecks(rotation, [answerTo(rotation, 'nhi.revocation.completed', { topic: 'revocation' })])).toEqual(['envelope']);
    const late = new Date(Date.parse(rotation.data.deadline) + 1000);
    expect(failedChecks(rotation, [answerTo(rotation, 'nhi.rotation.completed', { receivedAt: late })])).toEqual(['deadline']);
  });

  it('holds a repeated request to one answer, expired requests to no completion, unknown kinds to a failure, other providers to silence', () => {
    const same = answerTo(duplicate, 'nhi.rotation.completed');
    expect(failedChecks(duplicate, [same, same])).toEqual([]);
    expect(failedChecks(duplicate, [same, answerTo(duplicate, 'nhi.rotation.completed', {}, 'a-2')])).toEqual(['idempotency']);
    expect(failedChecks(expired, [answerTo(expired, 'nhi.rotation.failed')])).toEqual([]);
    expect(failedChecks(expired, [answerTo(expired, 'nhi.rotation.completed')])).toEqual(['not acted on']);
    expect(failedChecks(unknownKind, [answerTo(unknownKind, 'nhi.revocation.completed', { topic: 'revocation' })])).toEqual([
      'failure reported',
    ]);
    expect(failedChecks(elsewhere, [answerTo(elsewhere, 'nhi.rotation.completed')])).toContain('ignored');
  });

  it('reports answers that are not valid events, and prints a table that says whether the integrator conforms', () => {
    const broken = { ...answerTo(rotation, 'x'), event: null, invalid: 'message value is not valid JSON' };
    const stray = strayCheck([broken]);
    expect(stray).toMatchObject({ passed: false, detail: '1 invalid: message value is not valid JSON' });
    expect(reportTable([stray])).toMatch(/^FAIL {2}every answer {2}valid/m);
    expect(reportTable([stray])).toMatch(/not conformant: 1 of 1 checks failed$/);
  });
});
