import envelopeSchema from '../schemas/cloudevent.schema.json';
import receivedEnvelopeSchema from '../schemas/cloudevent-received.schema.json';
import definitionsSchema from '../schemas/definitions.schema.json';
import { EVENT_TYPES } from './event-types';

/** Every JSON Schema of the contract by its `$id`: the envelopes, the shared definitions and each event type's data. */
export function schemaDocuments(): ReadonlyMap<string, Record<string, unknown>> {
  const documents: Array<Record<string, unknown> & { $id: string }> = [
    envelopeSchema,
    receivedEnvelopeSchema,
    definitionsSchema,
    ...Object.values(EVENT_TYPES).map((definition) => definition.schema),
  ];
  return new Map(documents.map((schema) => [schema.$id, schema]));
}
