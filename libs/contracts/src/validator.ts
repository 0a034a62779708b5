import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import envelopeSchema from '../schemas/cloudevent.schema.json';
import receivedEnvelopeSchema from '../schemas/cloudevent-received.schema.json';
import definitionsSchema from '../schemas/definitions.schema.json';
import { ContractViolationError } from './contract-violation.error';
import { EVENT_TYPES, isKnownEventType } from './event-types';
import type { EventType } from './event-data';
import type { NhiEvent } from './nhi-event';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
ajv.addSchema(definitionsSchema);

const validateEnvelope = ajv.compile(envelopeSchema);
const validateReceivedEnvelope = ajv.compile(receivedEnvelopeSchema);
const dataValidators = new Map<EventType, ValidateFunction>(
  Object.values(EVENT_TYPES).map((definition) => [definition.type, ajv.compile(definition.schema)]),
);

/** Where each problem is and what was expected; ajv's messages name rules and fields, never the values. */
function describe(errors: ErrorObject[] | null | undefined, root: string): string[] {
  // A name check reports twice (the pattern, then the name): the second says it all.
  const reported = (errors ?? []).filter((error) => !error.schemaPath.includes('/propertyNames/'));
  return reported.map((error) => {
    const where = `${root}${error.instancePath}`;
    if (error.keyword === 'propertyNames') {
      const { propertyName } = error.params as { propertyName: string };
      return `${where} has a property whose name is not allowed (${safeName(propertyName)}); CloudEvents attribute names are lower-case letters and digits`;
    }
    const params = error.params as { additionalProperty?: string };
    const named = params.additionalProperty;
    // A property's name is the producer's own label, not a value: naming it is what makes the error useful.
    const extra = named === undefined ? '' : ` (${safeName(named)})`;
    return `${where} ${error.message ?? 'is invalid'}${extra}`;
  });
}

/** Property names are shown only when they look like names; anything else could be a value pasted as a key. */
function safeName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]{0,40}$/.test(name) ? name : 'a property whose name is not shown';
}

/** The type is one the contract defines and the data matches its schema. */
export function assertKnownTypeAndData(event: { type: string; data?: unknown }): asserts event is { type: EventType; data: unknown } {
  if (!isKnownEventType(event.type)) {
    throw new ContractViolationError('event type is not one the platform defines (the AsyncAPI document lists them)');
  }
  const validateData = dataValidators.get(event.type);
  if (validateData && !validateData(event.data)) {
    throw new ContractViolationError(`invalid data for ${event.type}`, describe(validateData.errors, 'data'));
  }
}

/** An event as CloudEvents 1.0 defines it, whoever produced it. */
export function assertCloudEvent(candidate: unknown): void {
  if (!validateReceivedEnvelope(candidate)) {
    throw new ContractViolationError('invalid CloudEvents envelope', describe(validateReceivedEnvelope.errors, 'event'));
  }
}

/** An event the platform emits: the envelope's stricter rules, a known type, data matching its schema, and the dataschema id. */
export function assertValidEvent(candidate: unknown): asserts candidate is NhiEvent {
  if (!validateEnvelope(candidate)) {
    throw new ContractViolationError('invalid CloudEvents envelope', describe(validateEnvelope.errors, 'event'));
  }
  const event = candidate as unknown as NhiEvent;
  assertKnownTypeAndData(event);
  if (event.dataschema !== EVENT_TYPES[event.type].schema.$id) {
    throw new ContractViolationError(
      `event ${event.type} names a dataschema other than its contract's, ${EVENT_TYPES[event.type].schema.$id}`,
    );
  }
}
