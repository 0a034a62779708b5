import { ContractViolationError } from '@nhi/contracts';
import { deadLetterHeaders } from './dead-letter-headers';

const failure = {
  topic: 'nhi.inventory.events.v1',
  partition: 2,
  offset: '41',
  groupId: 'ownership',
  attempts: 5,
  failedAt: new Date('2025-01-02T03:04:05.000Z'),
};

describe('deadLetterHeaders', () => {
  it('keeps the original headers and adds the failure', () => {
    const headers = deadLetterHeaders(
      { 'content-type': 'application/cloudevents+json', ce_id: 'abc' },
      { ...failure, error: new TypeError('boom'), handler: 'Projection.onRegistered' },
    );
    expect(headers).toEqual({
      'content-type': 'application/cloudevents+json',
      ce_id: 'abc',
      'x-error': 'boom',
      'x-error-type': 'TypeError',
      'x-original-topic': 'nhi.inventory.events.v1',
      'x-original-partition': '2',
      'x-original-offset': '41',
      'x-consumer-group': 'ownership',
      'x-failed-at': '2025-01-02T03:04:05.000Z',
      'x-attempts': '5',
      'x-handler': 'Projection.onRegistered',
    });
  });

  it('names a contract violation and leaves out the handler when there is none', () => {
    const headers = deadLetterHeaders(undefined, { ...failure, attempts: 1, error: new ContractViolationError('bad', ['data/kind x']) });
    expect(headers['x-error-type']).toBe('ContractViolationError');
    expect(headers['x-error']).toBe('bad: data/kind x');
    expect(headers).not.toHaveProperty('x-handler');
  });

  it('truncates very long error messages', () => {
    const headers = deadLetterHeaders(undefined, { ...failure, error: new Error('x'.repeat(10_000)) });
    expect(String(headers['x-error']).length).toBeLessThanOrEqual(4_001);
  });
});
