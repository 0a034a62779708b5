import { delivered, type DoorContext } from './door-context';
import { rotatedRows, ROW_FIELDS, secretRows, validRow } from './identity-rows';
import { chunks, inParallel, postGraphQL, send } from './sweep-http';

const INGEST =
  'mutation ($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created updated rejectedCount rejected { index externalId reason } } }';
const REPORT = '{ created updated rejectedCount rejected { index externalId reason } }';

/**
 * A GraphQL string literal for any text. JSON's string syntax is GraphQL's (the same escapes: \" \\ \/
 * \b \f \n \r \t \uXXXX, and JSON.stringify escapes every control character), so this is exact.
 */
export const graphqlString = (value: string): string => JSON.stringify(value);

/** An input object as an inline GraphQL literal: unquoted field names, string values escaped. */
export function graphqlLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(graphqlLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${graphqlLiteral(item)}`)
      .join(', ')} }`;
  }
  return typeof value === 'string' ? graphqlString(value) : String(value);
}

/** ingestIdentities with variables: 352 secrets x 21 fields = 7,392 rows in batches of 500; and every secret as the source. */
export async function ingestWithVariables(ctx: DoorContext): Promise<void> {
  const rows = secretRows(ctx.secrets, 'vars');
  await inParallel(chunks(rows, 500), 4, async (batch, i) => {
    const input = { source: 'leak-sweep', identities: batch.map((r) => r.row) };
    delivered(ctx, `ingestIdentities (variables, batch ${i})`, await postGraphQL(ctx.gateway, ctx.tokens.admin, INGEST, { input }));
  });
  await inParallel(ctx.secrets, 24, async (secret, i) => {
    const input = { source: secret.value, identities: [validRow(`vars-source/${i}`)] };
    delivered(ctx, 'ingestIdentities (variables, source)', await postGraphQL(ctx.gateway, ctx.tokens.admin, INGEST, { input }));
  });
  ctx.coverage.inputs += rows.length + ctx.secrets.length;
}

/**
 * Inline literals: every secret in every field, as 352 rows of 21 secrets each (rotatedRows), 25 rows per
 * request (the gateway's token limit); the one-secret-per-row matrix runs through variables and NDJSON.
 * And every secret as an inline source.
 */
export async function ingestWithLiterals(ctx: DoorContext): Promise<void> {
  const rows = rotatedRows(ctx.secrets, 'inline');
  await inParallel(chunks(rows, 25), 8, async (batch, i) => {
    const query = `mutation { ingestIdentities(input: { source: "leak-sweep", identities: ${graphqlLiteral(batch)} }) ${REPORT} }`;
    delivered(ctx, `ingestIdentities (inline literals, batch ${i})`, await postGraphQL(ctx.gateway, ctx.tokens.admin, query));
  });
  await inParallel(ctx.secrets, 24, async (secret, i) => {
    const query = `mutation { ingestIdentities(input: { source: ${graphqlString(secret.value)}, identities: ${graphqlLiteral([validRow(`inline-source/${i}`)])} }) ${REPORT} }`;
    delivered(ctx, 'ingestIdentities (inline literals, source)', await postGraphQL(ctx.gateway, ctx.tokens.admin, query));
  });
  ctx.coverage.inputs += rows.length * ROW_FIELDS.length + ctx.secrets.length;
}

/** NDJSON rows to POST /ingest/{source}: the 21 fields plus a key inventory does not know; 1,000 rows per upload. */
export async function ingestNdjson(ctx: DoorContext): Promise<void> {
  const unknownKey: (typeof ROW_FIELDS)[number] = ['notes (unknown key)', (row, v) => (row['notes'] = v)];
  const rows = secretRows(ctx.secrets, 'ndjson', [...ROW_FIELDS, unknownKey]);
  const url = `${ctx.e2e.serviceUrl('inventory')}/ingest/leak-sweep-ndjson`;
  await inParallel(chunks(rows, 1000), 3, async (batch, i) => {
    const body = batch.map((r) => JSON.stringify(r.row)).join('\n') + '\n';
    const headers = { 'content-type': 'application/x-ndjson', authorization: `Bearer ${ctx.tokens.admin}` };
    delivered(ctx, `POST /ingest/{source} (NDJSON, batch ${i})`, await send(url, { method: 'POST', headers, body }));
  });
  ctx.coverage.inputs += rows.length;
}
