import { identityDiscoveredData } from '@nhi/testing';
import { CLOUDEVENTS_CONTENT_TYPE, createEvent, parseEvent } from '@nhi/contracts';
import { toTopicMessages } from './outbox-messages';
import type { OutboxRow } from './outbox-store';

function row(seq: number, subject = '7d3c1e57-5b1a-4a57-a3c2-1b8e44a0d001'): OutboxRow {
  const payload = createEvent({
    source: 'inventory',
    type: 'nhi.identity.discovered',
    subject,
    data: identityDiscoveredData({ id: subject, kind: 'API_KEY', name: 'billing-export', provider: 'github', externalId: 'key-1' }),
  });
  return { id: payload.id, seq: String(seq), topic: 'nhi.inventory.events.v1', message_key: subject, payload };
}

describe('toTopicMessages', () => {
  it('keys by subject, prefixes the topic and sends the CloudEvent as the value', () => {
    const [group] = toTopicMessages([row(1)], 'test.a.');
    const message = group?.messages[0];

    expect(group?.topic).toBe('test.a.nhi.inventory.events.v1');
    expect(message?.key).toBe('7d3c1e57-5b1a-4a57-a3c2-1b8e44a0d001');
    expect(parseEvent(String(message?.value)).subject).toBe('7d3c1e57-5b1a-4a57-a3c2-1b8e44a0d001');
    expect(message?.headers).toMatchObject({ 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_type: 'nhi.identity.discovered' });
  });

  it('keeps row order within a topic', () => {
    const rows = [row(1), row(2), row(3)];
    const [group] = toTopicMessages(rows, '');
    expect(group?.messages.map((message) => message.headers?.['ce_id'])).toEqual(rows.map((r) => r.id));
  });
});
