import { identityDiscoveredData } from '@nhi/testing';
import { CLOUDEVENTS_CONTENT_TYPE, createEvent, parseEvent, serializeEvent } from '@nhi/contracts';
import { toTopicMessages } from './outbox-messages';
import type { OutboxRow } from './outbox-store';

function row(seq: number, subject = '7d3c1e57-5b1a-4a57-a3c2-1b8e44a0d001'): OutboxRow {
  const payload = createEvent({
    source: 'inventory',
    type: 'nhi.identity.discovered',
    subject,
    data: identityDiscoveredData({ id: subject, kind: 'API_KEY', name: 'billing-export', provider: 'github', externalId: 'key-1' }),
  });
  return {
    id: payload.id,
    seq: String(seq),
    topic: 'nhi.inventory.events.v1',
    message_key: subject,
    event_type: payload.type,
    payload: serializeEvent(payload),
  };
}

describe('toTopicMessages', () => {
  it('keys by subject, prefixes the topic and sends the CloudEvent as the value', () => {
    const [[group] = []] = toTopicMessages([row(1)], 'test.a.');
    const message = group?.messages[0];

    expect(group?.topic).toBe('test.a.nhi.inventory.events.v1');
    expect(message?.key).toBe('7d3c1e57-5b1a-4a57-a3c2-1b8e44a0d001');
    expect(parseEvent(String(message?.value)).subject).toBe('7d3c1e57-5b1a-4a57-a3c2-1b8e44a0d001');
    expect(message?.headers).toMatchObject({ 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_type: 'nhi.identity.discovered' });
  });

  it('keeps row order within a topic', () => {
    const rows = [row(1), row(2), row(3)];
    const [[group] = []] = toTopicMessages(rows, '');
    expect(group?.messages.map((message) => message.headers?.['ce_id'])).toEqual(rows.map((r) => r.id));
  });

  it('splits rows into requests below the byte limit, in order, and sends an oversized event alone', () => {
    const rows = [row(1), row(2), row(3), row(4)];
    const eventBytes = Buffer.byteLength(rows[0]?.payload ?? '');

    const requests = toTopicMessages(rows, '', eventBytes * 2);
    expect(requests.map((request) => request.flatMap((group) => group.messages.map((m) => m.headers?.['ce_id'])))).toEqual([
      [rows[0]?.id, rows[1]?.id],
      [rows[2]?.id, rows[3]?.id],
    ]);
    expect(toTopicMessages(rows.slice(0, 2), '', 10)).toHaveLength(2);
  });
});
