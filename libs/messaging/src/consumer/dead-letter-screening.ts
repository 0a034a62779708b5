import type { IHeaders } from 'kafkajs';
import { detectSecret, withholdSecretText } from '@nhi/secrets';
import { describeError } from '../describe-error';
import { withholdIntegratorText } from './integrator-dead-letter';

/** Names the parts of a dead letter that were replaced because they looked like secret material. */
export const WITHHELD_HEADER = 'x-withheld';

export interface DeadLetterMessage {
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders | undefined;
}

const looksSecret = (bytes: Buffer | string | null | undefined): string | null => (bytes ? detectSecret(bytes.toString()) : null);

function screenHeaders(headers: IHeaders | undefined, withheld: string[]): IHeaders | undefined {
  if (!headers) return headers;
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const parts = Array.isArray(value) ? value : [value];
      if (!parts.some((part) => looksSecret(part))) return [name, value];
      withheld.push(`header ${name}`);
      return [name, '[withheld]'];
    }),
  );
}

/**
 * A dead letter as the DLQ topic and the dead_letters table may keep it. A message refused because
 * it broke the contract can be anything an integrator sent, a credential included: a key, value or
 * header that looks like secret material is replaced (the value by a JSON note saying what it looked
 * like), and the x-withheld header lists what was, so an operator knows it cannot be replayed as is.
 */
export function screenDeadLetter(
  message: DeadLetterMessage,
  { fromIntegrator = false }: { fromIntegrator?: boolean } = {},
): DeadLetterMessage & { withheld: string[] } {
  const withheld: string[] = [];
  const valueLooksLike = looksSecret(message.value);
  const integratorText = fromIntegrator && !valueLooksLike ? withholdIntegratorText(message.value) : null;
  const value = valueLooksLike
    ? Buffer.from(
        JSON.stringify({ withheld: `the message value looked like ${valueLooksLike} and is not kept`, bytes: message.value?.length ?? 0 }),
      )
    : (integratorText?.value ?? message.value);
  if (valueLooksLike) withheld.push('value');
  if (integratorText?.withheld) withheld.push('data texts');
  const keyLooksLike = looksSecret(message.key);
  if (keyLooksLike) withheld.push('key');
  const headers = screenHeaders(message.headers, withheld);
  if (withheld.length > 0)
    return { key: keyLooksLike ? null : message.key, value, headers: { ...headers, [WITHHELD_HEADER]: withheld.join(', ') }, withheld };
  return { ...message, withheld };
}

/** The failure as a dead letter reports it: an error whose text quotes secret material is reported without that text. */
export function screenFailureError(error: unknown): unknown {
  const { message, type } = describeError(error);
  const screened = withholdSecretText(message, 'the error message');
  if (screened === message) return error;
  const replacement = new Error(screened);
  replacement.name = type;
  return replacement;
}
