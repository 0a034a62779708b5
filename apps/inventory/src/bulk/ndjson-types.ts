/** Content types POST /ingest/{source} reads as NDJSON, one identity per line. */
export const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/ndjson', 'text/plain'];
