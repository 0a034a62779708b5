import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getNamedType, getNullableType, isInputObjectType, isNonNullType, isObjectType, type GraphQLField } from 'graphql';
import { apiSchemaOf } from '../graphql-breaking/api-schema';

/**
 * ADR 0037 on the composed graph: every mutation a portal should call takes one
 * `input` and returns a nullable payload with userErrors and clientMutationId;
 * every older form is deprecated and names a replacement that exists.
 */
const root = path.resolve(__dirname, '../..');
const schema = apiSchemaOf(readFileSync(path.join(root, 'apps/gateway/supergraph.graphql'), 'utf8'));
const mutations = Object.values(schema.getMutationType()?.getFields() ?? {}) as Array<GraphQLField<unknown, unknown>>;
const current = mutations.filter((field) => !field.deprecationReason);
const deprecated = mutations.filter((field) => field.deprecationReason);

describe('the mutations of the composed graph', () => {
  it('take one non-null input object, with clientMutationId, and nothing else', () => {
    const offenders = current.filter((field) => {
      const [input, ...rest] = field.args;
      const type = input && getNullableType(input.type);
      return (
        rest.length > 0 ||
        input?.name !== 'input' ||
        !isNonNullType(input.type) ||
        !isInputObjectType(type) ||
        !('clientMutationId' in type.getFields())
      );
    });
    expect(offenders.map((field) => field.name)).toEqual([]);
  });

  it('return a nullable payload with userErrors and clientMutationId', () => {
    const offenders = current.filter((field) => {
      const payload = getNamedType(field.type);
      return (
        isNonNullType(field.type) ||
        !isObjectType(payload) ||
        !('userErrors' in payload.getFields()) ||
        !('clientMutationId' in payload.getFields())
      );
    });
    expect(offenders.map((field) => field.name)).toEqual([]);
  });

  it('keep each older form answering, deprecated in favour of a current mutation that exists', () => {
    const names = new Set(current.map((field) => field.name));
    const replacements = deprecated.map((field) => [field.name, /Use (\w+)/.exec(field.deprecationReason ?? '')?.[1]] as const);
    expect(replacements.filter(([, replacement]) => !replacement || !names.has(replacement))).toEqual([]);
    expect(deprecated.length).toBeGreaterThan(0);
  });
});
