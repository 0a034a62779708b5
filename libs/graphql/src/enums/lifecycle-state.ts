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

registerEnumType(LifecycleState, {
  name: 'LifecycleState',
  description: 'Where the credential is in its rotation and revocation life.',
  valuesMap: {
    ACTIVE: { description: 'Not yet due for rotation under its policy.' },
    ROTATION_DUE: { description: "Its nextRotationDueAt has passed (its policy's maxAgeDays since the last rotation)." },
    ROTATING: { description: 'A rotation has been requested and is not finished.' },
    ROTATION_FAILED: { description: 'A rotation failed or timed out on its last allowed attempt.' },
    REVOKING: { description: 'A revocation has been requested and is not finished.' },
    REVOKED: { description: 'Revoked: final; no rotation is scheduled.' },
    EXPIRED: { description: 'Its expiresAt has passed before it was revoked.' },
  },
});
