import { dataTypeName } from './definitions';
import { typeOf, type RefResolver } from './schema-to-typescript';

const resolve: RefResolver = (ref) => (ref.endsWith('/kind') ? { name: 'NhiKind' } : { schema: { type: 'string', format: 'uuid' } });

describe('schema to TypeScript', () => {
  it('writes required and optional properties, nullable unions, named and inlined refs', () => {
    const type = typeOf(
      {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'note'],
        properties: {
          id: { $ref: 'urn:nhi:schema:definitions:1#/$defs/id' },
          kind: { $ref: 'urn:nhi:schema:definitions:1#/$defs/kind' },
          note: { type: ['string', 'null'], description: 'For people.' },
          tags: { type: 'array', items: { enum: ['A', 'B'] } },
          extra: { type: 'object', additionalProperties: { type: 'integer' } },
        },
      },
      resolve,
    );

    expect(type).toBe(
      [
        '{',
        '  id: string;',
        '  kind: NhiKind;',
        '  /** For people. */',
        '  note: string | null;',
        '  tags?: Array<"A" | "B">;',
        '  extra?: Record<string, number>;',
        '}',
      ].join('\n'),
    );
  });

  it('fails on a keyword it cannot translate, rather than writing a wrong type', () => {
    expect(() => typeOf({ if: { type: 'string' } }, resolve)).toThrow(/keywords if/);
  });

  it('names data types after the event type', () => {
    expect(dataTypeName('nhi.ownership.revocation-requested')).toBe('OwnershipRevocationRequestedData');
  });
});
