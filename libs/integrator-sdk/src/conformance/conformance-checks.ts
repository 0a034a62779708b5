import type { CheckResult, ConformanceCase, ObservedAnswer } from './conformance-case';

type Check = Omit<CheckResult, 'caseName'>;

const pass = (check: string, detail = ''): Check => ({ check, passed: true, detail });
const fail = (check: string, detail: string): Check => ({ check, passed: false, detail });

function topicOf(testCase: ConformanceCase): ObservedAnswer['topic'] {
  return testCase.type === 'nhi.rotation.requested' ? 'rotation' : 'revocation';
}

function isFailure(answer: ObservedAnswer): boolean {
  return answer.event?.type.endsWith('.failed') ?? false;
}

/** Envelope, key, correlation and deadline (not for a request sent already expired): what every answer must get right. */
function answerChecks(testCase: ConformanceCase, answers: readonly ObservedAnswer[]): Check[] {
  const { nhiId, deadline } = testCase.data;
  const wrongTopic = answers.filter((a) => a.topic !== topicOf(testCase) || !a.event?.type.startsWith(`nhi.${topicOf(testCase)}.`));
  const wrongKey = answers.filter((a) => a.key !== nhiId);
  const wrongIdentity = answers.filter((a) => (a.event?.data as { nhiId?: string } | undefined)?.nhiId !== nhiId);
  const late = answers.filter((a) => a.receivedAt.getTime() > Date.parse(deadline));
  return [
    wrongTopic.length === 0
      ? pass('envelope', `a valid CloudEvent of a ${topicOf(testCase)} result type`)
      : fail('envelope', `${wrongTopic.length} answer(s) on the wrong results topic or of the wrong type`),
    wrongKey.length === 0 ? pass('key', 'keyed by nhiId') : fail('key', `${wrongKey.length} answer(s) not keyed by the request's nhiId`),
    wrongIdentity.length === 0
      ? pass('correlation', 'requestId and nhiId echoed')
      : fail('correlation', `${wrongIdentity.length} answer(s) name another identity than the request`),
    late.length === 0 ? pass('deadline', 'answered before the deadline') : fail('deadline', `${late.length} answer(s) after the deadline`),
  ].filter((check) => check.check !== 'deadline' || testCase.expect !== 'no completion');
}

/** A request delivered twice is still one operation: one answer, or repeats of the very same event. */
function idempotencyCheck(answers: readonly ObservedAnswer[]): Check {
  const events = new Set(answers.map((a) => `${a.event?.source ?? ''}\u0000${a.event?.id ?? ''}`));
  const types = new Set(answers.map((a) => a.event?.type));
  return events.size <= 1 && types.size <= 1
    ? pass('idempotency', answers.length > 1 ? 'the repeat carries the same event id' : 'answered once')
    : fail('idempotency', `${events.size} different answers to one request delivered twice`);
}

function expectationChecks(testCase: ConformanceCase, answers: readonly ObservedAnswer[], waitedSeconds: number): Check[] {
  switch (testCase.expect) {
    case 'no answer':
      return [
        answers.length === 0
          ? pass('ignored', "another provider's request left alone")
          : fail('ignored', `answered ${answers.length} time(s)`),
      ];
    case 'no completion': {
      const completed = answers.filter((a) => !isFailure(a));
      return [
        completed.length === 0
          ? pass('not acted on', 'an expired request was not carried out')
          : fail('not acted on', 'completed after its deadline'),
      ];
    }
    case 'a failure with an error':
      return [
        answers.length > 0 && answers.every(isFailure)
          ? pass('failure reported', 'answered with a failure and its error')
          : fail('failure reported', answers.length === 0 ? `no answer within ${waitedSeconds} s` : 'answered with a completion'),
      ];
    default:
      return [
        answers.length > 0 ? pass('answered', `${answers.length} answer(s)`) : fail('answered', `no answer within ${waitedSeconds} s`),
      ];
  }
}

/** Every check of one case against the answers that name its requestId. */
export function checkCase(testCase: ConformanceCase, answers: readonly ObservedAnswer[], waitedSeconds: number): CheckResult[] {
  const checks = [...expectationChecks(testCase, answers, waitedSeconds)];
  if (answers.length > 0) checks.push(...answerChecks(testCase, answers));
  if (testCase.copies > 1) checks.push(idempotencyCheck(answers));
  return checks.map((check) => ({ caseName: testCase.name, ...check }));
}

/** Answers that are not valid CloudEvents or name no request the kit sent. */
export function strayCheck(stray: readonly ObservedAnswer[]): CheckResult {
  const reasons = [...new Set(stray.map((a) => a.invalid ?? 'names a request the kit did not send'))];
  return stray.length === 0
    ? { caseName: 'every answer', check: 'valid', passed: true, detail: 'each is a valid CloudEvent naming a request' }
    : { caseName: 'every answer', check: 'valid', passed: false, detail: `${stray.length} invalid: ${reasons.slice(0, 3).join('; ')}` };
}
