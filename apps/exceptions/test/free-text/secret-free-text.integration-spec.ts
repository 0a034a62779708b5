import { APPROVER, exceptionsSpec } from '../support/exceptions-client';

const spec = exceptionsSpec('exceptions-free-text');

/** Fake secrets in real shapes (libs/secrets/corpus); none is or was a credential. */
const SLACK = 'xoxb-801162281055-3782287636281-FAKENHikboanihaIESB8dvg5';
const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEFAKEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC7\n-----END PRIVATE KEY-----';

describe('free text that looks like a secret', () => {
  it('refuses a request whose justification or compensating control carries one, naming the field', async () => {
    const { client } = spec;
    const identityId = await client.discovered();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ identityId, justification: `vendor freeze; the bot token is ${SLACK}` }, 'input.justification'],
      [{ identityId, compensatingControls: ['IP allow-list', PEM] }, 'input.compensatingControls[1]'],
    ];
    for (const [input, field] of cases) {
      const result = await client.request(input);
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
      expect(JSON.stringify(result)).not.toContain('FAKE');
    }
    expect(await client.exceptions.sql('SELECT 1 FROM policy_exceptions WHERE identity_id = $1', [identityId])).toEqual([]);
  });

  it('refuses a decision note that carries one, and the exception stays as it was', async () => {
    const { client } = spec;
    const exception = await client.requested({ identityId: await client.discovered() });
    const refused = await client.decide('reject', exception.id, `rejected, and here is the key: ${SLACK}`, APPROVER);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'note' } });
    expect(await client.exception(exception.id)).toMatchObject({ status: 'REQUESTED' });
    const rows = await client.exceptions.sql<{ row: string }>('SELECT h::text AS row FROM exception_history h WHERE exception_id = $1', [
      exception.id,
    ]);
    expect(rows.map((r) => r.row).join('\n')).not.toContain('FAKE');
  });
});
