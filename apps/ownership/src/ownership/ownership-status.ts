import { registerEnumType } from '@nestjs/graphql';

export type OwnershipStatus = 'OWNED' | 'ORPHANED' | 'UNASSIGNED';
export const OwnershipStatus: { [K in OwnershipStatus]: K } = { OWNED: 'OWNED', ORPHANED: 'ORPHANED', UNASSIGNED: 'UNASSIGNED' };

registerEnumType(OwnershipStatus, {
  name: 'OwnershipStatus',
  description: 'OWNED: an active accountable owner. ORPHANED: its owner left or was removed. UNASSIGNED: never had one.',
});
