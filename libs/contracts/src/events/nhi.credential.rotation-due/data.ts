// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** A credential is due for rotation, or will be in warnDays (a warning) */
export interface CredentialRotationDueData {
  identityId: string;
  dueAt: string;
  /** true: it falls due in warnDays; false: it is due now */
  warning: boolean;
  policy: string;
  autoRotate: boolean;
}
