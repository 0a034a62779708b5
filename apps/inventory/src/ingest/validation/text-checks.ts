/**
 * Characters no identity field may carry. NUL cannot be stored in a PostgreSQL
 * text column (it failed whole chunks); other C0 controls and DEL are never
 * part of a real name or id. Bidi overrides and isolates make a name display
 * as something else (`paymen\u202Etxt.exe` shows as "paymenexe.txt"), so they
 * are rejected too: a reviewer must see what is stored. Rejected, not
 * stripped: stripping would silently change a natural key.
 * Tab, line feed and carriage return are whitespace that cleanText collapses.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/** Why a text field is refused, naming the field and never the value; null when its characters are fine. */
export function badCharacters(value: string, field: string): string | null {
  if (value.includes('\u0000')) return `${field} contains a NUL character; expected plain text`;
  if (CONTROL.test(value)) return `${field} contains a control character; expected plain text`;
  if (BIDI.test(value))
    return `${field} contains a bidirectional override or isolate character (U+202A-U+202E, U+2066-U+2069); expected plain text`;
  return null;
}
