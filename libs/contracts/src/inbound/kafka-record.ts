/** The parts of a Kafka record an event is read from (kafkajs's KafkaMessage has them all). */
export interface KafkaRecord {
  value: Buffer | string | null;
  headers?: Record<string, Buffer | string | Array<Buffer | string> | undefined>;
  /** Milliseconds since the epoch, as kafkajs gives it. */
  timestamp?: string;
}

/**
 * The record's headers as text, by lower-cased name. The binding writes `ce_*`
 * and `content-type` in lower case; clients that capitalise them are read too.
 * A repeated header counts by its last value.
 */
export function headersOf(record: KafkaRecord): Map<string, string> {
  const headers = new Map<string, string>();
  for (const [name, raw] of Object.entries(record.headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) headers.set(name.toLowerCase(), value.toString());
  }
  return headers;
}
