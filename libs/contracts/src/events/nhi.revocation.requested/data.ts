// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { NhiKind } from '../definitions';

/** The platform asks an integrator to revoke a credential */
export interface RevocationRequestedData {
  requestId: string;
  nhiId: string;
  provider: string;
  externalId: string;
  kind: NhiKind;
  reason: string;
  force: boolean;
  requestedAt: string;
  deadline: string;
}
