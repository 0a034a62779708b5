import { InputType, registerEnumType } from '@nestjs/graphql';
import { orderInputType } from '@nhi/graphql';

export enum OwnedIdentityOrderField {
  NAME = 'NAME',
}

registerEnumType(OwnedIdentityOrderField, {
  name: 'OwnedIdentityOrderField',
  description: "What a list of identities from ownership (an owner's, the viewer's, the orphaned or unassigned) sorts by.",
  valuesMap: {
    NAME: { description: "The identity's name as inventory last gave it, ignoring case; identities without one come first." },
  },
});

@InputType('OwnedIdentityOrder', {
  description:
    'How a list of identities from ownership sorts: by the field in the direction; identities with the same name go by id in the same direction. When left out, the list goes by id.',
})
export class OwnedIdentityOrderInput extends orderInputType<OwnedIdentityOrderField>(OwnedIdentityOrderField) {}

/** The `orderBy` argument of every list IdentityPages serves. */
export const OWNED_IDENTITY_ORDER_ARG = {
  type: () => OwnedIdentityOrderInput,
  nullable: true,
  description: 'How the identities sort; by id (a stable but meaningless order) when null.',
} as const;
