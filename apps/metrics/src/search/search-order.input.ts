import { InputType, registerEnumType } from '@nestjs/graphql';
import { orderInputType } from '@nhi/graphql';
import type { SearchOrderField } from './search-order';

export const IdentitySearchOrderField: { [K in SearchOrderField]: K } = {
  NAME: 'NAME',
  EXPIRES_AT: 'EXPIRES_AT',
  PRIVILEGE_LEVEL: 'PRIVILEGE_LEVEL',
  FINDING_SEVERITY: 'FINDING_SEVERITY',
};

registerEnumType(IdentitySearchOrderField, {
  name: 'IdentitySearchOrderField',
  description: 'What identitySearch sorts by.',
  valuesMap: {
    NAME: { description: 'The name, case-insensitive; ties by id.' },
    EXPIRES_AT: { description: 'When the identity expires; one that never expires sorts as the latest.' },
    PRIVILEGE_LEVEL: { description: 'The privilege level, LOW to ADMIN; an unknown level sorts below LOW.' },
    FINDING_SEVERITY: {
      description: 'The severity of the worst open finding, LOW to CRITICAL; an identity with none sorts below LOW.',
    },
  },
});

@InputType('IdentitySearchOrder', {
  description:
    'How identitySearch sorts: the direction applies to the field; identities with the same value go by name, then id, ascending (by NAME, the direction applies to both).',
})
export class IdentitySearchOrderInput extends orderInputType<SearchOrderField>(IdentitySearchOrderField, 'NAME') {}
