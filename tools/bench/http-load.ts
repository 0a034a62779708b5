import { percentile } from './bench-support';

export interface LoadFigures {
  p50: number;
  p99: number;
  perSecond: number;
}

/**
 * Posts `count` JSON bodies to `url`, `concurrency` at a time, and times each
 * round trip. `body(i)` gives the i-th request's body. Every answer must carry
 * `data` and no `errors`: a benchmark that counts refusals as answers measures nothing.
 */
export async function measureRequests(
  url: string,
  headers: Record<string, string>,
  body: (i: number) => string,
  count: number,
  concurrency: number,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let next = 0;
  const began = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next;
      next += 1;
      const start = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body(i) });
      const answer = (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };
      if (!answer.data || answer.errors?.length) {
        throw new Error(`${url} answered ${response.status}: ${answer.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
      }
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: count / seconds };
}
