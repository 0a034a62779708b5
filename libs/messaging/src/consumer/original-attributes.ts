import type { KafkaMessage } from 'kafkajs';
import { headersOf } from '@nhi/contracts';

/**
 * A context attribute of a message that may not be a valid event: from its
 * `ce_` header (binary mode) or its JSON value (structured mode). Best effort,
 * for telling an integrator which of its events was refused.
 */
export function headerOrJsonAttribute(message: KafkaMessage, name: 'source' | 'id' | 'type'): string | null {
  // Read as readKafkaEvent reads headers (any case, the last of repeats), so the feedback names what was judged.
  const fromHeader = headersOf(message).get(`ce_${name}`);
  if (fromHeader !== undefined) return fromHeader;
  try {
    const parsed: unknown = JSON.parse(message.value?.toString() ?? '');
    const value = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
