import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { apiSchemaOf } from '../graphql-breaking/api-schema';
import { readKnownGaps, SUPERGRAPH_FILE } from './cli';
import { checkDescriptions, undescribedElements } from './undescribed';

const root = path.resolve(__dirname, '../..');

describe('undescribed public elements', () => {
  const schema = buildSchema(`
    """A thing."""
    type Thing { """Its id.""" id: ID! name: String! size(unit: Unit, """Rounded to this.""" precision: Int): Int }
    """Units."""
    enum Unit { """Metres.""" M CM }
    input ThingInput { """Its name.""" name: String! tags: [String!] }
    type Query { """One thing.""" thing(id: ID!): Thing things: [Thing!]! }
  `);

  it('names each undescribed type, field, argument, input field and enum value, and no root type', () => {
    expect(undescribedElements(schema)).toEqual([
      'Query.thing(id)',
      'Query.things',
      'Thing.name',
      'Thing.size',
      'Thing.size(unit)',
      'ThingInput',
      'ThingInput.tags',
      'Unit.CM',
    ]);
  });

  it('tells new gaps from known ones, and known ones described since from those still open', () => {
    expect(checkDescriptions(['A.b', 'C.d'], ['A.b', 'E.f'])).toEqual({ added: ['C.d'], stale: ['E.f'] });
  });
});

describe('the composed graph', () => {
  const undescribed = undescribedElements(apiSchemaOf(readFileSync(path.join(root, SUPERGRAPH_FILE), 'utf8')));
  const { added, stale } = checkDescriptions(undescribed, readKnownGaps(root));

  it('has a description on every public element added since the list of known gaps was taken', () => {
    // Describe each in its TypeScript source (@Field, @Args, registerEnumType's valuesMap), then regenerate the SDL.
    expect(added).toEqual([]);
  });

  it('keeps the list of known gaps to what is still undescribed (run `npm run graphql:descriptions -- --shrink`)', () => {
    expect(stale).toEqual([]);
  });
});
