import { graphql, postGraphQL } from '@nhi/launcher';
import { waitFor } from '@nhi/testing';
import type { E2ePlatform } from './support/e2e-platform';

/**
 * Issue 22 item 8: a rotation's progress as server-sent events from the gateway, which authenticates the
 * caller and follows the attempt for it, so a portal holds one connection instead of polling.
 */

interface StreamEvent {
  event: string;
  data: { id?: string; status?: string; message?: string; code?: string };
}

/** Reads a whole event stream (it ends when the attempt settles) and parses its events. */
async function readStream(url: string, token: string): Promise<{ status: number; contentType: string | null; events: StreamEvent[] }> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  const events = text.split('\n\n').flatMap((block) => {
    const field = (name: string) =>
      block
        .split('\n')
        .find((line) => line.startsWith(`${name}: `))
        ?.slice(name.length + 2);
    const event = field('event');
    const data = field('data');
    return event && data ? [{ event, data: JSON.parse(data) as StreamEvent['data'] }] : [];
  });
  return { status: response.status, contentType: response.headers.get('content-type'), events };
}

export function describeProgressStream(platformOf: () => E2ePlatform): void {
  describe('rotation progress as server-sent events', () => {
    it('streams the attempt from the request to its completion, and refuses an unknown id or a missing token as JSON', async () => {
      const e2e = platformOf();
      const gatewayUrl = e2e.platform.gatewayUrl;
      const origin = new URL(gatewayUrl).origin;
      const token = await e2e.token({ sub: 'e2e-progress', roles: ['security-admin'] });
      const externalId = `secret/progress-${e2e.runId}`;
      await graphql(gatewayUrl, token, 'mutation ($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created } }', {
        input: { source: 'demo-secret-manager', identities: [{ provider: 'demo', externalId, kind: 'secret', name: 'progress secret' }] },
      });
      const { identityByExternalId: identity } = await graphql<{ identityByExternalId: { id: string } }>(
        gatewayUrl,
        token,
        'query ($e: String!) { identityByExternalId(provider: "demo", externalId: $e) { id } }',
        { e: externalId },
      );
      const rotation = await waitFor(
        async () => {
          const { body } = await postGraphQL<{ rotationRequestCreate: { rotationRequest: { id: string } | null } | null }>(
            gatewayUrl,
            token,
            `mutation ($input: RotationRequestCreateInput!) { rotationRequestCreate(input: $input) { rotationRequest { id } userErrors { code } } }`,
            { input: { identityId: identity.id, reason: 'e2e progress stream' } },
          );
          return body.data?.rotationRequestCreate?.rotationRequest ?? false;
        },
        { what: 'lifecycle to know the identity and accept the rotation' },
      );

      const stream = await readStream(`${origin}/progress/rotations/${rotation.id}`, token);
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain('text/event-stream');
      const last = stream.events[stream.events.length - 1];
      expect(last).toMatchObject({ event: 'done', data: { id: rotation.id, status: 'COMPLETED' } });
      expect(stream.events.slice(0, -1).every((event) => event.event === 'progress' && event.data.id === rotation.id)).toBe(true);

      const unknown = await fetch(`${origin}/progress/rotations/00000000-0000-4000-8000-000000000000`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ message: 'no request has this id', code: 'NOT_FOUND' });
      const anonymous = await fetch(`${origin}/progress/rotations/${rotation.id}`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });
}
