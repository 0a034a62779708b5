import { registerEnumType } from '@nestjs/graphql';
import type { OwnershipStatus as Status } from '@nhi/contracts';

export type OwnershipStatus = Status;
export const OwnershipStatus: { [K in Status]: K } = { OWNED: 'OWNED', ORPHANED: 'ORPHANED', UNASSIGNED: 'UNASSIGNED' };

registerEnumType(OwnershipStatus, {
  name: 'OwnershipStatus',
  description: 'OWNED: an active accountable owner. ORPHANED: its owner left or was removed. UNASSIGNED: never had one.',
  valuesMap: {
    OWNED: { description: 'Has an active accountable owner.' },
    ORPHANED: { description: 'Its owner left or was removed.' },
    UNASSIGNED: { description: 'Never had an owner.' },
  },
});
