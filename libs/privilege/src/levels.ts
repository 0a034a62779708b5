import { PRIVILEGE_ORDER, type PrivilegeLevel } from './statement';

export function levelRank(level: PrivilegeLevel): number {
  return PRIVILEGE_ORDER.indexOf(level);
}

export function higherLevel(a: PrivilegeLevel, b: PrivilegeLevel): PrivilegeLevel {
  return levelRank(b) > levelRank(a) ? b : a;
}

/** The highest of the levels; null for none, so "nothing judged" is never mistaken for LOW. */
export function highestLevel(levels: Iterable<PrivilegeLevel>): PrivilegeLevel | null {
  let highest: PrivilegeLevel | null = null;
  for (const level of levels) highest = highest === null ? level : higherLevel(highest, level);
  return highest;
}
