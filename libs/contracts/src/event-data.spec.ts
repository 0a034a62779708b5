import definitionsSchema from '../schemas/definitions.schema.json';
import { NHI_KINDS } from './event-data';

describe('NhiKind', () => {
  it('lists the kinds of the schema, in its order: the type and the contract are one list', () => {
    expect(NHI_KINDS).toEqual(definitionsSchema.$defs.kind.enum);
  });
});
