/**
 * One provider's format. `hints` are lower-case substrings every match contains: a cheap
 * `includes` on the lower-cased text skips the regex for nearly every field.
 */
export interface SecretRule {
  /** What the value looked like, e.g. "a GitHub token"; never the value. */
  looksLike: string;
  hints: readonly string[];
  /**
   * Contextual rules (keyword plus entropy, bare structures without a prefix) are skipped when an
   * identifier field holds a whole value of a documented identifier format.
   */
  contextual?: boolean;
  /** A keyword assignment (`password=...`): callers that mask these inline themselves may skip them. */
  assignment?: boolean;
  /** The looksLike to report for this text, or null. */
  match(text: string): string | null;
}

/**
 * A rule from one regex. Patterns must be linear: bounded or single-class quantifiers, never
 * a quantified group over overlapping classes. `validate` checks what structure cannot
 * (a checksum, a mixed alphabet) on each match.
 */
export function patternRule(
  looksLike: string,
  hints: readonly string[],
  pattern: RegExp,
  options: { contextual?: boolean; validate?: (match: RegExpExecArray) => boolean } = {},
): SecretRule {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return {
    looksLike,
    hints,
    contextual: options.contextual,
    match(text: string): string | null {
      global.lastIndex = 0;
      for (let found = global.exec(text); found; found = global.exec(text)) {
        if (!options.validate || options.validate(found)) return looksLike;
        if (found[0].length === 0) global.lastIndex++;
      }
      return null;
    },
  };
}
