/** What the sweep keeps of an HTTP answer: everything a caller could read, for the leak search. */
export interface HttpAnswer {
  status: number;
  /** The status line's words, every header and the body, as one text. */
  text: string;
  body: string;
}

export async function send(url: string, init: RequestInit): Promise<HttpAnswer> {
  const response = await fetch(url, init);
  const body = await response.text();
  const headers = [...response.headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n');
  return { status: response.status, body, text: `${response.status} ${response.statusText}\n${headers}\n\n${body}` };
}

/** Posts one GraphQL operation as JSON, with any extra headers. */
export function postGraphQL(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
}

/** Runs `work` over the items, at most `concurrency` at a time, in order of the items. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** `[0, 1, ..., n-1]` cut into consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A header value carries no line breaks: the secret's lines joined by a space (its random token stays whole). */
export const asHeaderValue = (value: string): string => value.replace(/[\r\n]+/g, ' ');
