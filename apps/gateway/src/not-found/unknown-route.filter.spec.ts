import { NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { UNKNOWN_ROUTE_MESSAGE, UnknownRouteFilter } from './unknown-route.filter';

const SECRET_PATH = '/ghp_FakeUnknownRoute9xQ2vLr7Tb4KwZp3Mn8H';

function httpHost() {
  const sent: { status?: number; body?: unknown } = {};
  const res = {
    status(code: number) {
      sent.status = code;
      return res;
    },
    json(body: unknown) {
      sent.body = body;
      return res;
    },
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('UnknownRouteFilter', () => {
  it('answers an unknown path with a 404 that does not quote the path (issue 15)', () => {
    const { host, sent } = httpHost();
    new UnknownRouteFilter().catch(new NotFoundException(`Cannot GET ${SECRET_PATH}`), host);
    expect(sent).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: UNKNOWN_ROUTE_MESSAGE } });
    expect(JSON.stringify(sent)).not.toContain(SECRET_PATH.slice(1));
  });

  it("passes a controller's own not-found answer through", () => {
    const { host, sent } = httpHost();
    new UnknownRouteFilter().catch(new NotFoundException('no such subgraph'), host);
    expect(sent).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'no such subgraph' } });
  });
});
