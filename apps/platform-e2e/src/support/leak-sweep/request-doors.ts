import { answered, type DoorContext } from './door-context';
import { validRow } from './identity-rows';
import { asHeaderValue, inParallel, send } from './sweep-http';

const COUNT = JSON.stringify({ query: '{ identities(first: 1) { totalCount } }' });

/** Headers a client chooses freely: an unknown one, a request id and the user agent, each carrying the secret. */
const secretHeaders = (value: string): Record<string, string> => ({
  'x-leak-probe': value,
  'x-request-id': value,
  'user-agent': value,
});

/**
 * The secret where no field is: 6 requests per secret. Inventory's bulk endpoint with the secret as
 * the {source} path segment, in the query string (a known flag and an unknown parameter) and in the
 * free headers; the same endpoint with the secret as the content type and as the bearer token; the
 * gateway with the secret in the query string and free headers, and as the bearer token; metrics'
 * report with the secret as its `at` parameter; the gateway with the secret as an unknown path.
 */
export async function requestParts(ctx: DoorContext): Promise<void> {
  const inventory = ctx.e2e.serviceUrl('inventory');
  const metrics = ctx.e2e.serviceUrl('metrics');
  const gatewayBase = ctx.gateway.replace(/\/graphql$/, '');
  const admin = `Bearer ${ctx.tokens.admin}`;
  await inParallel(ctx.secrets, 6, async (secret, i) => {
    const value = asHeaderValue(secret.value);
    const encoded = encodeURIComponent(secret.value);
    const row = JSON.stringify(validRow(`request/${i}`)) + '\n';
    const ndjson = 'application/x-ndjson';
    const calls: Array<[string, string, RequestInit]> = [
      [
        'POST /ingest/{secret}?dryRun={secret}&q={secret} with secret headers',
        `${inventory}/ingest/${encoded}?dryRun=${encoded}&q=${encoded}`,
        { method: 'POST', headers: { ...secretHeaders(value), authorization: admin, 'content-type': ndjson }, body: row },
      ],
      [
        'POST /ingest/{source} with the secret as content-type',
        `${inventory}/ingest/leak-ct`,
        { method: 'POST', headers: { authorization: admin, 'content-type': value }, body: row },
      ],
      [
        'POST /ingest/{source} with the secret as bearer token',
        `${inventory}/ingest/leak-bearer`,
        { method: 'POST', headers: { authorization: `Bearer ${value}`, 'content-type': ndjson }, body: row },
      ],
      [
        'gateway /graphql?q={secret} with secret headers',
        `${ctx.gateway}?q=${encoded}`,
        { method: 'POST', headers: { ...secretHeaders(value), authorization: admin, 'content-type': 'application/json' }, body: COUNT },
      ],
      [
        'gateway /graphql with the secret as bearer token',
        ctx.gateway,
        { method: 'POST', headers: { authorization: `Bearer ${value}`, 'content-type': 'application/json' }, body: COUNT },
      ],
      [
        'metrics GET /reports/governance.json?at={secret}',
        `${metrics}/reports/governance.json?at=${encoded}`,
        { headers: { authorization: admin } },
      ],
      ['gateway GET /{secret}', `${gatewayBase}/${encoded}`, { headers: { authorization: admin } }],
    ];
    // The seven requests of a secret at once: they are independent, and one after another they made this door the slowest.
    const answers = await Promise.all(calls.map(([, url, init]) => send(url, init)));
    answers.forEach((answer, k) => answered(ctx, calls[k]?.[0] ?? 'request', answer));
  });
  ctx.coverage.inputs += ctx.secrets.length * 13;
}
