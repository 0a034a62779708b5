import { registerEnumType } from '@nestjs/graphql';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesMap: {
    ASC: { description: 'Ascending: smallest or earliest first.' },
    DESC: { description: 'Descending: largest or latest first.' },
  },
});
