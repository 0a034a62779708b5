// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { ExceptionControlName } from '../definitions';

/** An exception reached expiresAt: the control it suspended is enforced again at once */
export interface ExceptionExpiredData {
  exceptionId: string;
  identityId: string;
  control: ExceptionControlName;
  expiresAt: string;
  /** Set when the exception is one of several requested together (by system or owner); approval covers the group */
  groupId: string | null;
  /** Who acted; `exceptions` for what the service does on its own (expiry, reminders) */
  actor: string;
  at: string;
  /** APPROVED: enforcement resumes; REQUESTED: it was never decided */
  previousStatus: 'REQUESTED' | 'APPROVED';
}
