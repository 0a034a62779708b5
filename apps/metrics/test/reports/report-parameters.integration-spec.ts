import { ACTOR_HEADER, signActorHeader } from '@nhi/auth';
import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';

/** The report's refusals name the parameter that is wrong, never its value: a query string or path can carry a secret (issue 15). */
const spec = subgraphSpec('metrics_report_params', bootstrap);

// Shaped like a GitHub token: what a mis-pasted parameter would carry.
const SECRET = 'ghp_FakeReportParam9xQ2vLr7Tb4KwZp3Mn8Hs';

async function report(pathAndQuery: string): Promise<{ status: number; text: string }> {
  const actor = signActorHeader({ sub: 'audra', roles: ['auditor'], ownerRefs: [] }, spec.subgraph.signingKey);
  const response = await fetch(`${new URL(spec.subgraph.url).origin}${pathAndQuery}`, { headers: { [ACTOR_HEADER]: actor } });
  return { status: response.status, text: await response.text() };
}

describe('governance report parameters', () => {
  it('refuses an unreadable at without quoting it', async () => {
    const answer = await report(`/reports/governance.json?at=${encodeURIComponent(SECRET)}`);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({ error: 'BAD_REQUEST', message: expect.stringMatching(/^at must be an RFC 3339 time/) });
    expect(answer.text).not.toContain(SECRET);
  });

  it('refuses an unknown format without quoting it', async () => {
    const answer = await report(`/reports/governance.${SECRET}`);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toEqual({ error: 'NOT_FOUND', message: expect.stringMatching(/^no such report format/) });
    expect(answer.text).not.toContain(SECRET);
  });
});
