/** A request the ingest refuses as a whole (bad source, a full snapshot that looks broken): a client error, not a fault. */
export class IngestRequestError extends Error {
  override readonly name: string = 'IngestRequestError';
}
