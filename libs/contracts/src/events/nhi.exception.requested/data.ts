// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { ExceptionControlName } from '../definitions';

/** An exception was requested and waits for someone other than the requester to decide */
export interface ExceptionRequestedData {
  exceptionId: string;
  identityId: string;
  control: ExceptionControlName;
  expiresAt: string;
  /** Set when the exception is one of several requested together (by system or owner); approval covers the group */
  groupId: string | null;
  /** Who acted; `exceptions` for what the service does on its own (expiry, reminders) */
  actor: string;
  at: string;
  justification: string;
  compensatingControls: string[];
  riskRating: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL' | null;
  /** The exception this request renews, if it is a renewal */
  renewsId: string | null;
}
