import { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';

let destination: DestinationStream | undefined;

/**
 * Where services started in this process from now on write their logs
 * (undefined: stdout again). Integration specs read them to prove that what a
 * client sent never reaches a log line.
 */
export function redirectLogs(stream: DestinationStream | undefined): void {
  destination = stream;
}

export function logDestination(): DestinationStream | undefined {
  return destination;
}

/** What services started in this process wrote to their logs since captureLogs(). */
export interface LogCapture {
  readonly text: string;
  stop(): void;
}

/**
 * Sends the logs of every service started after this call to memory instead
 * of stdout. A spec calls it at the top of its file, before the service
 * starts, and stop() in afterAll.
 */
export function captureLogs(): LogCapture {
  const chunks: string[] = [];
  redirectLogs(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
  );
  return {
    get text() {
      return chunks.join('');
    },
    stop: () => redirectLogs(undefined),
  };
}
