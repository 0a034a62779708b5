import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import pinoHttp from 'pino-http';
import { pinoHttpOptions, REDACTED_LOG_PATHS } from './logging';
import { loggedHeader, loggedPath } from './request-log';

function sink(lines: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
}

describe('log redaction', () => {
  it('never writes bearer tokens or the signed actor header', () => {
    const lines: string[] = [];
    const logger = pino({ redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, sink(lines));

    logger.info({ req: { headers: { authorization: 'Bearer eyJsecret', 'x-nhi-actor': 'v1.abc.def', accept: 'json' } } }, 'request');

    expect(lines.join('')).not.toMatch(/eyJsecret|v1\.abc\.def/);
    expect(JSON.parse(lines[0] ?? '{}').req.headers).toEqual({ authorization: '[redacted]', 'x-nhi-actor': '[redacted]', accept: 'json' });
  });
});

describe('the request path in a log line', () => {
  it.each([
    ['/graphql', '/graphql'],
    ['/graphql?query={a}&variables={"t":"x"}', '/graphql'],
    ['/ingest/aws-config?fullSnapshot=true', '/ingest/…'],
    ['/reports/governance.csv?at=2025-01-01', '/reports/…'],
    ['/ghp_abc/def', '/…'],
    ['', '/'],
  ])('logs %s as %s', (url, expected) => {
    expect(loggedPath(url)).toBe(expected);
  });
});

describe('the headers a request log line keeps', () => {
  it('keeps plain values and withholds secret-looking, long or non-printable ones', () => {
    const token = `ghp_${'aB3dE5fG7h'.repeat(3)}123456`;
    expect(loggedHeader('user-agent', 'curl/8.5.0')).toBe('curl/8.5.0');
    expect(loggedHeader('x-request-id', '7d3c1e57-5b1a-4a57-a3c2-1b8e44a0d001')).toBe('7d3c1e57-5b1a-4a57-a3c2-1b8e44a0d001');
    expect(loggedHeader('user-agent', `bot ${token}`)).toBe('[withheld: looked like a secret]');
    expect(loggedHeader('x-request-id', 'password=hunter2')).toBe('[withheld: looked like a secret]');
    expect(loggedHeader('user-agent', 'x'.repeat(201))).toBe('[withheld]');
    expect(loggedHeader('user-agent', 'a\u0000b')).toBe('[withheld]');
  });
});

describe('request logging (pino-http, as the services run it)', () => {
  it('writes the route template, never the path parameter, the query string, the body or other headers', async () => {
    const secret = `ghp_${randomBytes(18).toString('hex')}`;
    const lines: string[] = [];
    const app = express();
    app.use(pinoHttp(pinoHttpOptions({ service: 'test', level: 'info' }), sink(lines)));
    app.use(express.json());
    app.post('/ingest/:source', (req, res) => {
      req.log.info('handled');
      res.status(400).json({ error: 'BAD_REQUEST' });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/ingest/${secret}?token=${secret}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': secret, authorization: `Bearer ${secret}` },
        body: JSON.stringify({ token: secret }),
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      server.close();
    }

    expect(lines.join('')).not.toContain(secret);
    const completed = lines.map((line) => JSON.parse(line)).find((line) => line.res);
    expect(completed).toMatchObject({ route: '/ingest/:source', req: { method: 'POST', path: '/ingest/…' }, res: { statusCode: 400 } });
  });
});
