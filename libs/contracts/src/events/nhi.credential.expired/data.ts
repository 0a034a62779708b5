// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** A credential passed its expiry date */
export interface CredentialExpiredData {
  identityId: string;
  expiresAt: string;
  expiredAt: string;
}
