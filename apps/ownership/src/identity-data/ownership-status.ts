import { registerEnumType } from '@nestjs/graphql';
import type { OwnerRole as Role } from '@nhi/contracts';

export { OwnershipStatus } from '@nhi/graphql';

export type OwnerRole = Role;
export const OwnerRole: { [K in Role]: K } = { PRIMARY: 'PRIMARY', BACKUP: 'BACKUP' };

registerEnumType(OwnerRole, {
  name: 'OwnerRole',
  description: 'PRIMARY: the one accountable owner. BACKUP: takes over when the primary leaves.',
  valuesMap: {
    PRIMARY: { description: 'The one accountable owner.' },
    BACKUP: { description: 'Takes over when the primary owner leaves.' },
  },
});
