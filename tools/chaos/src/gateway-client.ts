/** What became of one call through the gateway, as a portal would see it. */
export type CallOutcome<T> =
  | { kind: 'ok'; data: T }
  /** Refused for a reason the caller can fix or expect (bad input, a state conflict): not retried. */
  | { kind: 'refused'; code: string; message: string }
  /** No answer (the gateway or a subgraph was down) after every retry: it may or may not have been applied. */
  | { kind: 'unknown'; message: string };

const REFUSALS = new Set(['BAD_USER_INPUT', 'BAD_REQUEST', 'FORBIDDEN', 'CONFLICT', 'NOT_FOUND', 'UNAUTHENTICATED']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A portal's client of the gateway that retries what a fault interrupted: no
 * answer, a 5xx, or a subgraph that could not be reached. Retrying a mutation
 * whose answer was lost may meet its own earlier effect (refused as a conflict),
 * which is what a real client meets too.
 */
export class GatewayClient {
  readonly stats = { calls: 0, retries: 0, refused: 0, unknown: 0 };

  constructor(
    private readonly url: string,
    private readonly attempts = 30,
  ) {}

  async call<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<CallOutcome<T>> {
    this.stats.calls += 1;
    let last = '';
    for (let attempt = 1; attempt <= this.attempts; attempt += 1) {
      if (attempt > 1) {
        this.stats.retries += 1;
        await sleep(Math.min(5_000, 250 * 2 ** Math.min(attempt - 2, 5)));
      }
      let response: Response;
      try {
        response = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(60_000),
        });
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
        continue;
      }
      const body = (await response.json().catch(() => ({}))) as {
        data?: T | null;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      };
      const error = body.errors?.[0];
      if (!error && body.data) return { kind: 'ok', data: body.data };
      const code = error?.extensions?.code ?? `HTTP_${response.status}`;
      if (REFUSALS.has(code)) {
        this.stats.refused += 1;
        return { kind: 'refused', code, message: error?.message ?? '' };
      }
      last = `${code}: ${error?.message ?? 'no data'}`;
    }
    this.stats.unknown += 1;
    return { kind: 'unknown', message: last };
  }
}
