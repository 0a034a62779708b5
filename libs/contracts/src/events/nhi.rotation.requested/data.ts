// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { NhiKind } from '../definitions';

/** The platform asks an integrator to rotate a credential */
export interface RotationRequestedData {
  requestId: string;
  nhiId: string;
  provider: string;
  externalId: string;
  kind: NhiKind;
  reason: string;
  requestedAt: string;
  deadline: string;
}
