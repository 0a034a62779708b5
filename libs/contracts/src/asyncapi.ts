import definitionsSchema from '../schemas/definitions.schema.json';
import envelopeSchema from '../schemas/cloudevent.schema.json';
import { EVENT_TYPES, EventTypeDefinition, eventTypesOnTopic } from './event-types';
import { ALL_TOPICS, TOPICS } from './topics';

const TOPIC_DESCRIPTIONS: Record<string, string> = {
  [TOPICS.rotationRequests]: 'Platform -> integrator: rotate this credential before the deadline.',
  [TOPICS.rotationResults]: 'Integrator -> platform: the outcome of a rotation request, matched by requestId.',
  [TOPICS.revocationRequests]: 'Platform -> integrator: revoke this credential before the deadline.',
  [TOPICS.revocationResults]: 'Integrator -> platform: the outcome of a revocation request, matched by requestId.',
  [TOPICS.inventoryEvents]: 'Domain events of the inventory service.',
  [TOPICS.ownershipEvents]: 'Domain events of the ownership service.',
  [TOPICS.lifecycleEvents]: 'Domain events of the lifecycle service.',
  [TOPICS.exceptionsEvents]: 'Domain events of the exceptions service.',
  [TOPICS.audit]: 'Audit records of every service: each GraphQL mutation and bulk ingest, refused and failed ones included (for a SIEM).',
};

function key(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '_');
}

/** The Kafka key of a topic's messages: the identity id, except on the audit topic, whose records may name none. */
function messageKey(topic: string): Record<string, unknown> {
  if (topic === TOPICS.audit) {
    return {
      type: 'string',
      description: 'The first target id of the record, or the actor when it names no target (CloudEvents subject).',
    };
  }
  return { type: 'string', format: 'uuid', description: 'The identity id (CloudEvents subject).' };
}

/** Inlines the shared definitions so the document stands alone for integrators. */
function inlineRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inlineRefs);
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const ref = record['$ref'];
  // Definitions refer to each other locally (#/$defs/x); event schemas refer to them by id.
  const definition = typeof ref === 'string' ? /^(?:urn:nhi:schema:definitions:1)?#\/\$defs\/(\w+)$/.exec(ref)?.[1] : undefined;
  if (definition) {
    return inlineRefs(definitionsSchema.$defs[definition as keyof typeof definitionsSchema.$defs]);
  }
  return Object.fromEntries(
    Object.entries(record)
      .filter(([field]) => field !== '$schema' && field !== '$id')
      .map(([field, value]) => [field, inlineRefs(value)]),
  );
}

/** One event type as an AsyncAPI message: the CloudEvents envelope with its type, dataschema and data pinned. */
function messageOf(definition: EventTypeDefinition): Record<string, unknown> {
  return {
    name: definition.type,
    title: definition.type,
    summary: definition.summary,
    contentType: 'application/cloudevents+json',
    headers: {
      type: 'object',
      properties: {
        'content-type': { type: 'string', const: 'application/cloudevents+json; charset=UTF-8' },
        ce_traceparent: {
          type: 'string',
          description: "The event's traceparent again, for tools that route on headers without reading the value.",
        },
        ce_tracestate: { type: 'string', description: "The event's tracestate again, when it has one." },
      },
    },
    payload: {
      allOf: [
        { $ref: '#/components/schemas/CloudEventEnvelope' },
        {
          type: 'object',
          properties: {
            type: { const: definition.type },
            dataschema: { const: definition.schema.$id },
            data: { $ref: `#/components/schemas/${key(definition.type)}` },
          },
        },
      ],
    },
    bindings: { kafka: { key: messageKey(definition.topic) } },
  };
}

function components(): { schemas: Record<string, unknown>; messages: Record<string, unknown> } {
  const schemas: Record<string, unknown> = { CloudEventEnvelope: inlineRefs(envelopeSchema) };
  const messages: Record<string, unknown> = {};
  for (const definition of Object.values(EVENT_TYPES)) {
    schemas[key(definition.type)] = inlineRefs(definition.schema);
    messages[key(definition.type)] = messageOf(definition);
  }
  return { schemas, messages };
}

function channelsAndOperations(): { channels: Record<string, unknown>; operations: Record<string, unknown> } {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const topic of ALL_TOPICS) {
    const onTopic = eventTypesOnTopic(topic);
    const channelKey = key(topic);
    channels[channelKey] = {
      address: topic,
      description: TOPIC_DESCRIPTIONS[topic],
      messages: Object.fromEntries(onTopic.map((d) => [key(d.type), { $ref: `#/components/messages/${key(d.type)}` }])),
      bindings: { kafka: { bindingVersion: '0.5.0' } },
    };
    if (onTopic.length === 0) continue;
    const fromIntegrator = onTopic.every((d) => d.producer === 'integrator');
    // Operations are written from the platform's side: it sends requests and domain events, receives results.
    operations[`${fromIntegrator ? 'receive' : 'send'}_${channelKey}`] = {
      action: fromIntegrator ? 'receive' : 'send',
      channel: { $ref: `#/channels/${channelKey}` },
      messages: onTopic.map((d) => ({ $ref: `#/channels/${channelKey}/messages/${key(d.type)}` })),
    };
  }
  return { channels, operations };
}

/**
 * The AsyncAPI 3.0 document integrators read: every topic, who sends on it,
 * and the schema of every event type. Generated from EVENT_TYPES so it cannot drift.
 */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const { channels, operations } = channelsAndOperations();
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'NHI governance platform events',
      version: '1.2.0',
      description:
        'Kafka topics of the NHI governance platform. Every message value is a CloudEvents 1.0 document in ' +
        'structured JSON mode; the message key is the identity id (on the audit topic, the first target). ' +
        'Poison messages are moved to <topic>.dlq. ' +
        'Changes in 1.1 are additive, so 1.0 consumers keep working: an identity lists its credentials; ' +
        'nhi.rotation.requested names the credentials it targets; nhi.rotation.completed and ' +
        'nhi.credential.rotated say which credential replaced which (replaced); findings carry a subject and evidence. ' +
        'In 1.2 every event carries the CloudEvents Distributed Tracing extension (traceparent, tracestate): an integrator ' +
        "that copies a request's traceparent onto its result keeps the operation in one trace.",
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The single-node development broker.' },
    },
    channels,
    operations,
    components: components(),
  };
}
