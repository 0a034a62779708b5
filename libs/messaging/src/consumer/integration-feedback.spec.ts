import { ContractViolationError, readKafkaEvent, TOPICS } from '@nhi/contracts';
import type { KafkaMessage } from 'kafkajs';
import type { MessagingOptions } from '../messaging-options';
import { integrationFeedback } from './integration-feedback';

const options = { serviceName: 'lifecycle', topicPrefix: 'test.x.' } as MessagingOptions;
const at = new Date('2026-12-02T12:00:00Z');

function consumedOn(topic: string, value: string, headers: KafkaMessage['headers'] = {}) {
  const message = {
    key: Buffer.from('0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11'),
    value: Buffer.from(value),
    headers,
    offset: '41',
  } as KafkaMessage;
  return { topic: `test.x.${topic}`, partition: 2, message };
}

function refusal(value: string, headers: KafkaMessage['headers'] = {}): unknown {
  try {
    readKafkaEvent({ value, headers });
  } catch (error) {
    return error;
  }
  throw new Error('expected the event to be refused');
}

describe('integrationFeedback', () => {
  it('tells the integrator where its refused event was and what was wrong by field, keyed like it', () => {
    const value = JSON.stringify({
      specversion: '1.0',
      id: 'acme-7',
      source: '/integrators/acme',
      type: 'nhi.rotation.completed',
      data: {},
    });
    const feedback = integrationFeedback({ consumed: consumedOn(TOPICS.rotationResults, value), error: refusal(value) }, options, at);

    const [toIntegrator, toAudit] = feedback;
    expect(toIntegrator?.topic).toBe(`test.x.${TOPICS.integrationFeedback}`);
    const [message] = toIntegrator?.messages ?? [];
    expect(message?.key?.toString()).toBe('0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11');
    const event = JSON.parse(String(message?.value)) as { type: string; source: string; data: Record<string, unknown> };
    expect(event).toMatchObject({ type: 'nhi.integration.rejected', source: '/nhi/lifecycle' });
    expect(event.data).toEqual({
      topic: TOPICS.rotationResults,
      partition: 2,
      offset: '41',
      originalSource: '/integrators/acme',
      originalId: 'acme-7',
      originalType: 'nhi.rotation.completed',
      reason: 'invalid data for nhi.rotation.completed',
      problems: [
        { field: 'data', problem: "must have required property 'requestId'" },
        { field: 'data', problem: "must have required property 'nhiId'" },
        { field: 'data', problem: "must have required property 'rotatedAt'" },
      ],
      consumer: 'lifecycle',
      rejectedAt: at.toISOString(),
    });
    expect(toAudit?.topic).toBe(`test.x.${TOPICS.audit}`);
    const audit = JSON.parse(String(toAudit?.messages[0]?.value)) as { type: string; data: Record<string, unknown> };
    expect(audit).toMatchObject({
      type: 'nhi.audit.recorded',
      data: {
        actor: '/integrators/acme',
        roles: ['integrator'],
        service: 'lifecycle',
        operation: 'applyIntegratorResult',
        outcome: 'REJECTED',
      },
    });
  });

  it('reads the attributes of a binary-mode event from its headers, and never repeats one that looks like a secret', () => {
    const secretId = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const headers = { ce_specversion: '1.0', ce_id: secretId, ce_source: 'https://acme.example', ce_type: 'nhi.rotation.failed' };
    const error = refusal('{"requestId": 1}', headers);
    const feedback = integrationFeedback(
      { consumed: consumedOn(TOPICS.revocationResults, '{"requestId": 1}', headers), error },
      options,
      at,
    );

    const text = feedback.flatMap((topic) => topic.messages.map((m) => String(m.value))).join('\n');
    expect(JSON.parse(String(feedback[0]?.messages[0]?.value))).toMatchObject({
      data: { originalId: null, originalSource: 'https://acme.example', originalType: 'nhi.rotation.failed' },
    });
    expect(text).not.toContain(secretId);
  });

  it('says nothing for the platform’s own topics: those have an operator, not an integrator', () => {
    const error = new ContractViolationError('message value is not valid JSON');
    expect(integrationFeedback({ consumed: consumedOn(TOPICS.inventoryEvents, 'nope'), error }, options, at)).toEqual([]);
  });
});
