/**
 * Glob patterns as IAM writes them: `*` is any run of characters (slashes and
 * colons included), `?` is exactly one. Three questions are asked of two
 * patterns: does a pattern match a name, does one pattern cover every name the
 * other matches, and could they match a name in common. The evaluator needs
 * all three because its queries may be patterns themselves (`s3:*`, `*`).
 */

/** Actions compare case-insensitively, as IAM does; resources (ARNs, namespaces) do not. */
export interface PatternCase {
  ignoreCase: boolean;
}

function fold(text: string, options: PatternCase): string {
  return options.ignoreCase ? text.toLowerCase() : text;
}

function memoised(inner: string, step: (i: number, j: number, again: (i: number, j: number) => boolean) => boolean) {
  const seen = new Map<number, boolean>();
  const again = (i: number, j: number): boolean => {
    const key = i * (inner.length + 1) + j;
    let answer = seen.get(key);
    if (answer === undefined) {
      answer = step(i, j, again);
      seen.set(key, answer);
    }
    return answer;
  };
  return again(0, 0);
}

/** Two patterns whose literal starts differ (`svc1:Get*`, `iam:Create*`) share no name: settled without a regex or a search. */
function startsApart(a: string, b: string, options: PatternCase): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === '*' || x === '?' || y === '*' || y === '?') return false;
    if (x !== y && (!options.ignoreCase || x.toLowerCase() !== y.toLowerCase())) return true;
  }
  return false;
}

const COMPILED_LIMIT = 5000;
const compiled = new Map<string, RegExp>();

/** Most questions put a literal name against a pattern: a compiled regex answers those fast, and is kept for the next identity. */
function matcher(pattern: string, options: PatternCase): RegExp {
  const key = `${options.ignoreCase ? 'i' : 's'}${pattern}`;
  let regex = compiled.get(key);
  if (!regex) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    regex = new RegExp(`^${body}$`, options.ignoreCase ? 'is' : 's');
    if (compiled.size >= COMPILED_LIMIT) compiled.clear();
    compiled.set(key, regex);
  }
  return regex;
}

/**
 * Whether every name `inner` can match is also matched by `outer`. A literal
 * name is a pattern that matches only itself, so this is also plain matching.
 * Sound, not complete: it may say no for exotic pairs (`**` against `*?*`),
 * never yes wrongly, so a rule can only under-claim coverage, never invent it.
 */
export function covers(outer: string, inner: string, options: PatternCase): boolean {
  if (startsApart(outer, inner, options)) return false;
  if (!hasWildcard(inner)) return matcher(outer, options).test(inner);
  const p = fold(outer, options);
  const q = fold(inner, options);
  return memoised(q, (i, j, again) => {
    if (j === q.length)
      return p
        .slice(i)
        .split('')
        .every((c) => c === '*');
    if (i === p.length) return false;
    if (p[i] === '*') return again(i + 1, j) || again(i, j + 1);
    if (q[j] === '*') return false;
    if (p[i] === '?' || p[i] === q[j]) return again(i + 1, j + 1);
    return false;
  });
}

/** Whether some name matches both patterns. */
export function overlaps(a: string, b: string, options: PatternCase): boolean {
  if (startsApart(a, b, options)) return false;
  if (!hasWildcard(b)) return matcher(a, options).test(b);
  if (!hasWildcard(a)) return matcher(b, options).test(a);
  const p = fold(a, options);
  const q = fold(b, options);
  return memoised(q, (i, j, again) => {
    if (i === p.length && j === q.length) return true;
    if (i < p.length && p[i] === '*' && (again(i + 1, j) || (j < q.length && again(i, j + 1)))) return true;
    if (j < q.length && q[j] === '*' && (again(i, j + 1) || (i < p.length && again(i + 1, j)))) return true;
    if (i === p.length || j === q.length || p[i] === '*' || q[j] === '*') return false;
    return (p[i] === '?' || q[j] === '?' || p[i] === q[j]) && again(i + 1, j + 1);
  });
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}
