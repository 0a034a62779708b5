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
  /** The credentials this rotation targets (every active long-lived one the identity holds). Absent: the identity is the credential, named by externalId. Added in 1.1, additively. */
  credentials?: {
    id: string;
    type: 'ACCESS_KEY' | 'CLIENT_SECRET' | 'SERVICE_ACCOUNT_KEY' | 'CERTIFICATE' | 'TOKEN' | 'SSH_KEY' | 'PASSWORD' | 'PRIVATE_KEY';
    externalId: string;
  }[];
}
