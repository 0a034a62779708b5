import { registerEnumType } from '@nestjs/graphql';

export type LifecycleState = 'ACTIVE' | 'ROTATION_DUE' | 'ROTATING' | 'ROTATION_FAILED' | 'REVOKING' | 'REVOKED' | 'EXPIRED';
export const LifecycleState: { [K in LifecycleState]: K } = {
  ACTIVE: 'ACTIVE',
  ROTATION_DUE: 'ROTATION_DUE',
  ROTATING: 'ROTATING',
  ROTATION_FAILED: 'ROTATION_FAILED',
  REVOKING: 'REVOKING',
  REVOKED: 'REVOKED',
  EXPIRED: 'EXPIRED',
};

registerEnumType(LifecycleState, { name: 'LifecycleState', description: 'Where the credential is in its rotation and revocation life.' });
