import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { IntegratorEvent, IntegratorEventType } from './events';
import { CLOUDEVENT_SCHEMA, DEFINITIONS_SCHEMA, EVENT_CONTRACTS } from './generated/schemas';

/** One thing wrong with an event: where (`event/id`, `data/requestId`) and what was expected, never the value. */
export interface Problem {
  field: string;
  problem: string;
}

export type Validation<T extends IntegratorEventType = IntegratorEventType> =
  { valid: true; event: IntegratorEvent<T> } | { valid: false; problems: Problem[] };

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
ajv.addSchema(DEFINITIONS_SCHEMA);
const validateEnvelope = ajv.compile(CLOUDEVENT_SCHEMA);
const dataValidators = new Map<string, ValidateFunction>(
  Object.entries(EVENT_CONTRACTS).map(([type, contract]) => [type, ajv.compile(contract.schema)]),
);

function problems(prefix: string, errors: ErrorObject[] | null | undefined): Problem[] {
  return (errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
    return { field: `${prefix}${error.instancePath}${missing}`, problem: error.message ?? error.keyword };
  });
}

export function isIntegratorEventType(type: unknown): type is IntegratorEventType {
  return typeof type === 'string' && dataValidators.has(type);
}

/**
 * Checks an event as the platform will: a CloudEvents 1.0 envelope, a type of
 * the integrator contract, and data that matches the type's JSON Schema.
 */
export function validate(event: unknown): Validation {
  if (!validateEnvelope(event)) return { valid: false, problems: problems('event', validateEnvelope.errors) };
  const { type, data } = event as { type: unknown; data?: unknown };
  const validateData = isIntegratorEventType(type) ? dataValidators.get(type) : undefined;
  if (!validateData) return { valid: false, problems: [{ field: 'event/type', problem: 'is not a type of the integrator contract' }] };
  if (!validateData(data)) return { valid: false, problems: problems('data', validateData.errors) };
  return { valid: true, event: event as unknown as IntegratorEvent };
}

/** Thrown by helpers that build or read events; its message lists fields and rules, never values. */
export class InvalidEventError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`invalid event: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

/** Like validate(), but returns the typed event or throws InvalidEventError. */
export function assertValid(event: unknown): IntegratorEvent {
  const result = validate(event);
  if (!result.valid) throw new InvalidEventError(result.problems);
  return result.event;
}
