import { registerEnumType } from '@nestjs/graphql';

export type OwnerKind = 'TEAM' | 'PERSON';
export const OwnerKind: { [K in OwnerKind]: K } = { TEAM: 'TEAM', PERSON: 'PERSON' };

registerEnumType(OwnerKind, {
  name: 'OwnerKind',
  description: 'Whether an owner is a team or a person.',
  valuesMap: { TEAM: { description: 'A team.' }, PERSON: { description: 'A person.' } },
});
