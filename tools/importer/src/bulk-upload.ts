import http from 'node:http';
import https from 'node:https';
import { once } from 'node:events';

export interface UploadTarget {
  url: string;
  source: string;
  token: string;
  dryRun: boolean;
  fullSnapshot: boolean;
  force: boolean;
}

export class UploadError extends Error {}

function ingestUrl(target: UploadTarget): URL {
  const url = new URL(`${target.url}/ingest/${encodeURIComponent(target.source)}`);
  if (target.dryRun) url.searchParams.set('dryRun', 'true');
  if (target.fullSnapshot) url.searchParams.set('fullSnapshot', 'true');
  if (target.force) url.searchParams.set('force', 'true');
  return url;
}

async function answer(res: http.IncomingMessage): Promise<{ status: number; body: unknown }> {
  res.setEncoding('utf8');
  let text = '';
  for await (const chunk of res) text += chunk as string;
  try {
    return { status: res.statusCode ?? 0, body: JSON.parse(text) };
  } catch {
    return { status: res.statusCode ?? 0, body: null };
  }
}

/**
 * Streams NDJSON lines to POST /ingest/{source} as they come, waiting when the
 * socket is full, so a 200 MB export never sits in memory; resolves with the
 * ingest report. A refusal (401, 403, 400 …) is an UploadError with the
 * server's message.
 */
export async function uploadLines(target: UploadTarget, lines: AsyncIterable<string>): Promise<unknown> {
  const url = ingestUrl(target);
  const client = url.protocol === 'https:' ? https : http;
  const req = client.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${target.token}` },
  });
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  // An early answer (a refused token) ends the upload: stop writing and read it.
  let answered = false;
  void response.then(
    () => (answered = true),
    () => undefined,
  );
  try {
    for await (const line of lines) {
      if (answered) break;
      if (!req.write(`${line}\n`)) await Promise.race([once(req, 'drain'), response]);
    }
    req.end();
  } catch (error) {
    req.destroy();
    throw error;
  }
  const { status, body } = await answer(
    await response.catch((error: Error) => {
      throw new UploadError(`cannot reach the inventory service at ${url.origin}: ${error.message}`);
    }),
  );
  if (status !== 200) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new UploadError(`the inventory refused the upload (HTTP ${status}): ${typeof message === 'string' ? message : 'no message'}`);
  }
  return body;
}
