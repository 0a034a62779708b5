import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { GraphQLError, OperationTypeNode } from 'graphql';
import { limitError } from './limit-error';

export interface RateLimitOptions {
  redisUrl: string;
  perMinute: number;
  mutationsPerMinute: number;
  /** Failed authentications per minute per client address, before the address is refused outright. */
  authFailuresPerMinute: number;
  /** Namespaces the counters in Redis (tests use their own). */
  keyPrefix?: string;
  logger: { warn(message: string): void; log(message: string): void };
}

interface Budget {
  limiter: RateLimiterRedis;
  points: number;
  what: string;
  setting: string;
}

/**
 * Requests per minute per actor (the verified JWT subject), shared across gateway
 * instances through Redis; mutations also spend a smaller budget of their own. While
 * Redis is unreachable each instance counts in process (logged once per outage): the
 * limits still hold per instance, they never silently stop applying.
 */
export class ActorRateLimiter {
  private readonly redis: Redis;
  private readonly all: Budget;
  private readonly mutations: Budget;
  private readonly authFailures: Budget;
  private degraded = false;

  constructor(private readonly options: RateLimitOptions) {
    this.redis = new Redis(options.redisUrl, {
      // Fail fast while disconnected so the in-process limiter answers at once.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      connectTimeout: 2000,
      lazyConnect: false,
    });
    this.redis.on('error', (error: Error) => this.fellBack(error.message));
    this.redis.on('ready', () => {
      if (this.degraded) options.logger.log(`rate limits: Redis at ${redactedUrl(options.redisUrl)} is reachable again; counting there`);
      this.degraded = false;
    });
    const prefix = options.keyPrefix ?? 'nhi:gateway:rate';
    this.all = this.budget(`${prefix}:all`, options.perMinute, 'requests', 'RATE_LIMIT_PER_MINUTE');
    this.mutations = this.budget(`${prefix}:mutations`, options.mutationsPerMinute, 'mutations', 'RATE_LIMIT_MUTATIONS_PER_MINUTE');
    this.authFailures = this.budget(
      `${prefix}:auth-failures`,
      options.authFailuresPerMinute,
      'failed authentications',
      'AUTH_FAILURES_PER_MINUTE',
    );
  }

  /**
   * The refusal for a client address that spent its failed authentications: tokens are
   * not worth guessing, and a flood of bad ones stops before it costs signature checks.
   */
  async refusedClient(address: string): Promise<GraphQLError | undefined> {
    let spent: RateLimiterRes | null;
    try {
      spent = await this.authFailures.limiter.get(address);
    } catch {
      // Redis is down and get() has no insurance: the failures recorded in process still count on the next consume.
      return undefined;
    }
    return spent && spent.consumedPoints > this.authFailures.points ? this.refusal(address, this.authFailures, spent) : undefined;
  }

  /** Counts a failed authentication against the client's address. */
  async authenticationFailed(address: string): Promise<void> {
    try {
      await this.authFailures.limiter.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) this.fellBack(rejection instanceof Error ? rejection.message : String(rejection));
    }
  }

  /** Spends one request (and one mutation, for a mutation) of the actor's budget; the refusal when it is spent. */
  async consume(subject: string, operation: OperationTypeNode): Promise<GraphQLError | undefined> {
    const budgets = operation === 'mutation' ? [this.all, this.mutations] : [this.all];
    for (const budget of budgets) {
      try {
        await budget.limiter.consume(subject);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return this.refusal(subject, budget, rejection);
        // Only reached if the insurance limiter itself failed: refuse rather than let the request through unlimited.
        this.fellBack(rejection instanceof Error ? rejection.message : String(rejection));
        return this.refusal(subject, budget, new RateLimiterRes(0, 1000, budget.points + 1));
      }
    }
    return undefined;
  }

  /** Resolves true once Redis answers (until then counts are kept in process), false after the timeout. */
  async whenConnected(timeoutMs = 2000): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const done = (connected: boolean) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        resolve(connected);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.redis.once('ready', onReady);
    });
  }

  /** True while counting in process because Redis is unreachable. */
  get usingFallback(): boolean {
    return this.degraded || this.redis.status !== 'ready';
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  /** Nest calls this when the gateway stops. */
  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  private budget(keyPrefix: string, points: number, what: string, setting: string): Budget {
    const limiter = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix,
      points,
      duration: 60,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: 60 }),
    });
    return { limiter, points, what, setting };
  }

  private refusal(subject: string, budget: Budget, result: RateLimiterRes): GraphQLError {
    const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    return limitError(
      'RATE_LIMITED',
      `Rate limited: ${subject} sent more than ${budget.points} ${budget.what} in a minute ` +
        `(${budget.setting}=${budget.points}); retry after ${retryAfterSeconds} s`,
      {
        limit: budget.points,
        actual: result.consumedPoints,
        setting: budget.setting,
        status: 429,
        extensions: { retryAfterSeconds },
        headers: new Map([['retry-after', String(retryAfterSeconds)]]),
      },
    );
  }

  private fellBack(reason: string): void {
    if (this.degraded) return;
    this.degraded = true;
    this.options.logger.warn(
      `rate limits: Redis at ${redactedUrl(this.options.redisUrl)} is unreachable (${reason}); ` +
        'counting per gateway process until it is back',
    );
  }
}

function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
