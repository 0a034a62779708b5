import type { KafkaMessage } from 'kafkajs';

/**
 * A context attribute of a message that may not be a valid event: from its
 * `ce_` header (binary mode) or its JSON value (structured mode). Best effort,
 * for telling an integrator which of its events was refused.
 */
export function headerOrJsonAttribute(message: KafkaMessage, name: 'source' | 'id' | 'type'): string | null {
  const header = message.headers?.[`ce_${name}`];
  const fromHeader = Array.isArray(header) ? header[header.length - 1] : header;
  if (fromHeader !== undefined) return fromHeader.toString();
  try {
    const parsed: unknown = JSON.parse(message.value?.toString() ?? '');
    const value = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
