import { CloudEvent } from 'cloudevents';
import { createEvent, parseEvent, serializeEvent } from './envelope';
import { ContractViolationError } from './contract-violation.error';
import type { IdentityDiscoveredData, IdentitySnapshot } from './event-data';

const identityId = '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11';

function registered(overrides: Partial<IdentitySnapshot> = {}): IdentityDiscoveredData {
  return {
    identity: {
      id: identityId,
      kind: 'SERVICE_ACCOUNT',
      name: 'payments-batch',
      provider: 'aws',
      externalId: 'arn:aws:iam::123456789012:role/payments-batch',
      environment: 'PRODUCTION',
      environmentInferred: false,
      system: 'payments',
      businessUnit: 'Payments',
      privilegeLevel: 'HIGH',
      scopes: ['s3:GetObject'],
      tags: { team: 'payments' },
      createdAt: '2026-01-01T00:00:00.000Z',
      lastUsedAt: null,
      expiresAt: null,
      credentialFingerprint: null,
      status: 'ACTIVE',
      ...overrides,
    },
    source: 'aws-config',
    discoveredAt: '2026-11-27T10:00:00.000Z',
  };
}

describe('createEvent', () => {
  it('builds a CloudEvents 1.0 envelope whose subject is the identity and whose dataschema names the contract', () => {
    const event = createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: identityId, data: registered() });

    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/nhi/inventory',
      type: 'nhi.identity.discovered',
      subject: identityId,
      datacontenttype: 'application/json',
      dataschema: 'urn:nhi:schema:nhi.identity.discovered:1',
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(event.time))).toBe(false);
  });

  it('is a valid CloudEvent to the CloudEvents SDK, as integrators will read it', () => {
    const event = createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: identityId, data: registered() });
    const parsed = new CloudEvent(JSON.parse(serializeEvent(event)) as object);

    expect(parsed.validate()).toBe(true);
    expect(parsed.toJSON()).toMatchObject({ id: event.id, type: event.type, subject: identityId, data: event.data });
  });

  it('refuses data that breaks the schema and names the field', () => {
    const bad = registered({ kind: 'ROBOT' as never });

    expect(() => createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: identityId, data: bad })).toThrow(
      /data\/identity\/kind must be equal to one of the allowed values/,
    );
  });

  it('takes OTHER with the source word, and an identity from before sourceKind existed', () => {
    const other = registered({ kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider' });
    const known = registered({ sourceKind: null });
    const older = registered();

    for (const data of [other, known, older]) {
      expect(() => createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: identityId, data })).not.toThrow();
    }
  });

  it.each([
    ['an empty sourceKind', ''],
    ['a sourceKind over 100 characters', 'k'.repeat(101)],
  ])('refuses %s', (_label, sourceKind) => {
    const bad = registered({ kind: 'OTHER', sourceKind });

    expect(() => createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: identityId, data: bad })).toThrow(
      /data\/identity\/sourceKind/,
    );
  });

  it('refuses fields that are not in the contract', () => {
    const extra = registered({ secret: 'hunter2' } as never);

    expect(() => createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: identityId, data: extra })).toThrow(
      /must NOT have additional properties \(secret\)/,
    );
  });
});

describe('parseEvent', () => {
  it('round-trips an event through its Kafka message value', () => {
    const event = createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: identityId, data: registered() });

    expect(parseEvent(Buffer.from(serializeEvent(event)))).toEqual(event);
  });

  it.each([
    ['an empty value', null, /empty message value/],
    ['a value that is not JSON', Buffer.from('{oops'), /^message value is not valid JSON$/],
    ['an envelope without specversion', Buffer.from(JSON.stringify({ id: 'x' })), /invalid CloudEvents envelope/],
  ])('refuses %s as a contract violation', (_label, value, message) => {
    expect(() => parseEvent(value)).toThrow(ContractViolationError);
    expect(() => parseEvent(value)).toThrow(message);
  });

  it('refuses an unknown event type', () => {
    const event = createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: identityId, data: registered() });
    const forged = { ...event, type: 'nhi.identity.exploded' };

    expect(() => parseEvent(JSON.stringify(forged))).toThrow(/event type is not one the platform defines/);
  });

  it('refuses an event whose dataschema does not match its type', () => {
    const event = createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: identityId, data: registered() });
    const forged = { ...event, dataschema: 'urn:nhi:schema:nhi.rotation.requested:1' };

    expect(() => parseEvent(JSON.stringify(forged))).toThrow(/names a dataschema other than its contract's/);
  });
});
