import { isSafeQuoted, QUOTED } from './input-error-grammar';

const HIDDEN = '"…"';
/** Marks where a quoted fragment was set aside: a private-use character no message carries. */
const MARK = '\uE000';
const SLOT = new RegExp(`${MARK}(\\d+)${MARK}`, 'g');

/**
 * The last line of defence for an input error that matches no known
 * template: every quoted fragment that is not a name or a type, and every
 * JSON or literal fragment outside quotes (`{ token: "..." }`, `[1, 2]`,
 * what follows `found`), is replaced. Names are kept so the message still
 * says which field or type it is about.
 */
export function withoutValueFragments(message: string): string {
  const quoted: string[] = [];
  // Quoted fragments are set aside first, so a bracket inside one (`"[Row!]"`) is not taken for JSON.
  const slotted = message.replace(QUOTED, (fragment) => `${MARK}${quoted.push(fragment) - 1}${MARK}`);
  const unquoted = slotted.replace(/[{[][\s\S]*[}\]]/g, '…').replace(new RegExp(`\\bfound (?!${MARK})[^\\s;,]+`, 'g'), 'found …');
  return unquoted.replace(SLOT, (_slot, index: string) => {
    const fragment = quoted[Number(index)] ?? HIDDEN;
    return isSafeQuoted(fragment.slice(1, -1)) ? fragment : HIDDEN;
  });
}

/** A syntax error names the token it stopped at (`Unexpected Name "ghp_..."`): punctuators are kept, anything else goes. */
export function syntaxErrorMessage(message: string): string | undefined {
  if (!message.startsWith('Syntax Error: ')) return undefined;
  return message.replace(QUOTED, (quoted) => (/^"[!$&().:=@[\]{|}]{1,3}"$/.test(quoted) ? quoted : '')).replace(/:?\s+([.,])/g, '$1');
}
