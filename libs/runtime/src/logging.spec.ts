import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_LOG_PATHS } from './logging';

describe('log redaction', () => {
  it('never writes bearer tokens or the signed actor header', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, sink);

    logger.info({ req: { headers: { authorization: 'Bearer eyJsecret', 'x-nhi-actor': 'v1.abc.def', accept: 'json' } } }, 'request');

    expect(lines.join('')).not.toMatch(/eyJsecret|v1\.abc\.def/);
    expect(JSON.parse(lines[0] ?? '{}').req.headers).toEqual({ authorization: '[redacted]', 'x-nhi-actor': '[redacted]', accept: 'json' });
  });
});
