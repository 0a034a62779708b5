import { registerEnumType } from '@nestjs/graphql';
import type { OwnershipStatus as Status, OwnerRole as Role } from '@nhi/contracts';

export type OwnershipStatus = Status;
export const OwnershipStatus: { [K in Status]: K } = { OWNED: 'OWNED', ORPHANED: 'ORPHANED', UNASSIGNED: 'UNASSIGNED' };

registerEnumType(OwnershipStatus, {
  name: 'OwnershipStatus',
  description: 'OWNED: an active accountable owner. ORPHANED: its owner left or was removed. UNASSIGNED: never had one.',
});

export type OwnerRole = Role;
export const OwnerRole: { [K in Role]: K } = { PRIMARY: 'PRIMARY', BACKUP: 'BACKUP' };

registerEnumType(OwnerRole, {
  name: 'OwnerRole',
  description: 'PRIMARY: the one accountable owner. BACKUP: takes over when the primary leaves.',
});
