import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { createEvent } from '@nhi/contracts';
import type { MessagingOptions, OutboxService } from '@nhi/messaging';
import { AuditRecorder, type AuditEntry } from './audit-recorder';

const OPTIONS = { serviceName: 'exceptions' } as MessagingOptions;
const STARTED = new Date('2026-11-20T12:00:00.000Z');
const SETTLED = new Date('2026-11-20T12:00:00.250Z');

const MANAGER = {} as EntityManager;

function recorderWith(enqueue: jest.Mock = jest.fn()) {
  const dataSource = { manager: MANAGER } as unknown as DataSource;
  return { recorder: new AuditRecorder(dataSource, { enqueue } as unknown as OutboxService, OPTIONS), enqueue };
}

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  actor: { sub: 'rita', roles: ['security-admin'] },
  operation: 'requestException',
  targetIds: ['0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11', '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11'],
  input: { input: { justification: 'password=hunter2', clientSecret: 'x' } },
  result: { outcome: 'SUCCEEDED' },
  startedAt: STARTED,
  settledAt: SETTLED,
  ...overrides,
});

describe('AuditRecorder', () => {
  const { recorder } = recorderWith();

  it('makes a record that meets the nhi.audit.recorded contract, with the input redacted', () => {
    const record = recorder.toRecord(entry());
    expect(record).toEqual({
      actor: 'rita',
      roles: ['security-admin'],
      service: 'exceptions',
      operation: 'requestException',
      targetIds: ['0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11'],
      outcome: 'SUCCEEDED',
      errorCode: null,
      error: null,
      input: { input: { justification: 'password=[REDACTED]', clientSecret: '[REDACTED]' } },
      details: null,
      at: SETTLED.toISOString(),
      durationMs: 250,
    });
    expect(() => createEvent({ source: 'exceptions', type: 'nhi.audit.recorded', subject: 'x', data: record })).not.toThrow();
  });

  it('classifies an error, and records an unauthenticated caller as anonymous', () => {
    const record = recorder.toRecord(
      entry({ actor: null, targetIds: [], result: { error: new GraphQLError('Forbidden: no', { extensions: { code: 'FORBIDDEN' } }) } }),
    );
    expect(record).toMatchObject({ actor: 'anonymous', roles: [], outcome: 'FORBIDDEN', errorCode: 'FORBIDDEN', error: 'Forbidden: no' });
    expect(
      recorder.toRecord(entry({ result: { outcome: 'REJECTED', errorCode: 'BAD_REQUEST', error: 'api_key=abc is no source' } })),
    ).toMatchObject({ outcome: 'REJECTED', errorCode: 'BAD_REQUEST', error: 'api_key=[REDACTED] is no source' });
  });

  it("writes the record through the outbox on the data source's own manager, outside any caller's transaction, keyed by its first target", async () => {
    const { recorder: writing, enqueue } = recorderWith();
    await writing.record(entry());
    expect(enqueue).toHaveBeenCalledWith(MANAGER, {
      type: 'nhi.audit.recorded',
      subject: '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11',
      data: expect.objectContaining({ operation: 'requestException' }),
    });
  });

  it('never throws when the record cannot be written, and says so loudly in the log', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { recorder: failing } = recorderWith(jest.fn().mockRejectedValue(new Error('connection refused')));

    await expect(failing.record(entry())).resolves.toBeUndefined();

    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ auditRecordLost: true, operation: 'requestException', actor: 'rita' }),
      expect.stringMatching(/^AUDIT RECORD LOST: requestException by rita/),
    );
    expect(JSON.stringify(error.mock.calls)).not.toContain('hunter2');
    error.mockRestore();
  });
});
