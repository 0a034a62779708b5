import { answered, type DoorContext } from './door-context';
import { graphqlString } from './identity-doors';
import { validRow } from './identity-rows';
import { inParallel, postGraphQL } from './sweep-http';

const INGEST = 'mutation ($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created } }';
const LIST = 'query ($first: Int, $filter: IdentityFilter) { identities(first: $first, filter: $filter) { totalCount } }';

/**
 * Requests the gateway refuses before any resolver runs, whose error messages graphql-js builds from
 * the input: 4 requests per secret, 7 placements. Variables: an unknown input field of a mutation's
 * row, a wrong-type value (a string for an Int), an invalid enum value, an unknown filter field.
 * Inline: a string literal for an Int argument, a string for an enum, an unknown input field, an
 * unknown argument. Raw: the secret as unquoted document text (a syntax error).
 */
export async function graphqlErrors(ctx: DoorContext): Promise<void> {
  await inParallel(ctx.secrets, 16, async (secret, i) => {
    const s = secret.value;
    const literal = graphqlString(s);
    const row = { ...validRow(`errors/${i}`), bogusField: s };
    answered(
      ctx,
      'ingestIdentities with an unknown input field (variables)',
      await postGraphQL(ctx.gateway, ctx.tokens.admin, INGEST, { input: { source: 'leak', identities: [row] } }),
    );
    answered(
      ctx,
      'identities with a wrong-type Int, an invalid enum and an unknown filter field (variables)',
      await postGraphQL(ctx.gateway, ctx.tokens.admin, LIST, { first: s, filter: { environment: [s], bogusField: s } }),
    );
    answered(
      ctx,
      'identities with a wrong-type literal, a string for an enum, an unknown field and argument (inline)',
      await postGraphQL(
        ctx.gateway,
        ctx.tokens.admin,
        `{ identities(first: ${literal}, filter: { environment: [${literal}], bogusField: ${literal} }, bogusArgument: ${literal}) { totalCount } }`,
      ),
    );
    answered(
      ctx,
      'a document with the secret as raw text (syntax error)',
      await postGraphQL(ctx.gateway, ctx.tokens.admin, `{ identities(first: ${s}) { totalCount } }`),
    );
  });
  ctx.coverage.inputs += ctx.secrets.length * 9;
}
