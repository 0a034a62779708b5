import { randomBytes } from 'node:crypto';
import { OperationTypeNode } from 'graphql';
import { ActorRateLimiter } from './rate-limit';

const logger = () => ({ warn: jest.fn(), log: jest.fn() });
const prefix = () => `test:gateway:rate:${randomBytes(4).toString('hex')}`;

describe('ActorRateLimiter', () => {
  it('counts per actor in Redis and answers RATE_LIMITED with a retry-after hint and HTTP 429', async () => {
    const log = logger();
    const limiter = new ActorRateLimiter({
      redisUrl: 'redis://127.0.0.1:6379',
      perMinute: 3,
      mutationsPerMinute: 1,
      authFailuresPerMinute: 2,
      keyPrefix: prefix(),
      logger: log,
    });
    try {
      expect(await limiter.whenConnected()).toBe(true);
      for (let i = 0; i < 3; i += 1) expect(await limiter.consume('alice', OperationTypeNode.QUERY)).toBeUndefined();
      const error = await limiter.consume('alice', OperationTypeNode.QUERY);
      expect(await limiter.consume('bob', OperationTypeNode.QUERY)).toBeUndefined();

      expect(error?.message).toMatch(
        /^Rate limited: alice sent more than 3 requests in a minute \(RATE_LIMIT_PER_MINUTE=3\); retry after \d+ s$/,
      );
      const extensions = error?.extensions as {
        code: string;
        retryAfterSeconds: number;
        http: { status: number; headers: Map<string, string> };
      };
      expect(extensions.code).toBe('RATE_LIMITED');
      expect(extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(extensions.http.status).toBe(429);
      expect(extensions.http.headers.get('retry-after')).toBe(String(extensions.retryAfterSeconds));
      expect(limiter.usingFallback).toBe(false);
      expect(log.warn).not.toHaveBeenCalled();
    } finally {
      await limiter.close();
    }
  });

  it('gives mutations a budget of their own', async () => {
    const limiter = new ActorRateLimiter({
      redisUrl: 'redis://127.0.0.1:6379',
      perMinute: 10,
      mutationsPerMinute: 1,
      authFailuresPerMinute: 2,
      keyPrefix: prefix(),
      logger: logger(),
    });
    try {
      await limiter.whenConnected();
      expect(await limiter.consume('carol', OperationTypeNode.MUTATION)).toBeUndefined();
      const error = await limiter.consume('carol', OperationTypeNode.MUTATION);
      expect(error?.message).toMatch(/carol sent more than 1 mutations in a minute \(RATE_LIMIT_MUTATIONS_PER_MINUTE=1\)/);
      expect(await limiter.consume('carol', OperationTypeNode.QUERY)).toBeUndefined();
    } finally {
      await limiter.close();
    }
  });

  it('counts in process when Redis is unreachable, and says so once', async () => {
    const log = logger();
    const limiter = new ActorRateLimiter({
      redisUrl: 'redis://127.0.0.1:1',
      perMinute: 2,
      mutationsPerMinute: 1,
      authFailuresPerMinute: 2,
      keyPrefix: prefix(),
      logger: log,
    });
    try {
      expect(await limiter.whenConnected(300)).toBe(false);
      expect(await limiter.consume('dave', OperationTypeNode.QUERY)).toBeUndefined();
      expect(await limiter.consume('dave', OperationTypeNode.QUERY)).toBeUndefined();
      expect((await limiter.consume('dave', OperationTypeNode.QUERY))?.extensions['code']).toBe('RATE_LIMITED');
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(limiter.usingFallback).toBe(true);
      expect(log.warn).toHaveBeenCalledTimes(1);
      expect(log.warn.mock.calls[0]?.[0]).toMatch(/Redis at redis:\/\/127.0.0.1:1 is unreachable .*counting per gateway process/);
    } finally {
      await limiter.close();
    }
  });

  it('refuses a client address once it spent its failed authentications, and no other address', async () => {
    const limiter = new ActorRateLimiter({
      redisUrl: 'redis://127.0.0.1:6379',
      perMinute: 100,
      mutationsPerMinute: 100,
      authFailuresPerMinute: 2,
      keyPrefix: prefix(),
      logger: logger(),
    });
    try {
      expect(await limiter.whenConnected()).toBe(true);
      for (let i = 0; i < 2; i += 1) {
        await limiter.authenticationFailed('10.0.0.7');
        expect(await limiter.refusedClient('10.0.0.7')).toBeUndefined();
      }
      await limiter.authenticationFailed('10.0.0.7');

      expect((await limiter.refusedClient('10.0.0.7'))?.message).toMatch(
        /^Rate limited: 10\.0\.0\.7 sent more than 2 failed authentications in a minute \(AUTH_FAILURES_PER_MINUTE=2\); retry after \d+ s$/,
      );
      expect(await limiter.refusedClient('10.0.0.8')).toBeUndefined();
    } finally {
      await limiter.close();
    }
  });
});
