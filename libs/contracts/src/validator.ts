import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import envelopeSchema from '../schemas/cloudevent.schema.json';
import definitionsSchema from '../schemas/definitions.schema.json';
import { ContractViolationError } from './contract-violation.error';
import { EVENT_TYPES, isKnownEventType } from './event-types';
import type { EventType } from './event-data';
import type { NhiEvent } from './nhi-event';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
ajv.addSchema(definitionsSchema);

const validateEnvelope = ajv.compile(envelopeSchema);
const dataValidators = new Map<EventType, ValidateFunction>(
  Object.values(EVENT_TYPES).map((definition) => [definition.type, ajv.compile(definition.schema)]),
);

function describe(errors: ErrorObject[] | null | undefined, root: string): string[] {
  return (errors ?? []).map((error) => {
    const where = `${root}${error.instancePath}`;
    const extra =
      error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})` : '';
    return `${where} ${error.message ?? 'is invalid'}${extra}`;
  });
}

/** Checks the envelope, that the type is known, that the data matches its schema and the dataschema id. */
export function assertValidEvent(candidate: unknown): asserts candidate is NhiEvent {
  if (!validateEnvelope(candidate)) {
    throw new ContractViolationError('invalid CloudEvents envelope', describe(validateEnvelope.errors, 'event'));
  }
  const event = candidate as unknown as NhiEvent;
  if (!isKnownEventType(event.type)) {
    throw new ContractViolationError(`unknown event type "${event.type}"`);
  }
  const definition = EVENT_TYPES[event.type];
  if (event.dataschema !== definition.schema.$id) {
    throw new ContractViolationError(
      `event ${event.type} names dataschema "${event.dataschema}" but the contract is "${definition.schema.$id}"`,
    );
  }
  const validateData = dataValidators.get(event.type);
  if (validateData && !validateData(event.data)) {
    throw new ContractViolationError(`invalid data for ${event.type}`, describe(validateData.errors, 'data'));
  }
}
