import { z } from 'zod';

/** One breaking change a team chose to make, with why: reviewed in the pull request that adds it. */
const acceptedChange = z
  .object({
    /** graphql-inspector's change type, e.g. FIELD_REMOVED. */
    type: z.string().min(1),
    /** The schema coordinate, e.g. Query.governanceSummary or NonHumanIdentity.owner. */
    path: z.string().min(1),
    /** Why the break is intended and how clients were told: a release note, an issue, a date. */
    reason: z.string().min(10),
  })
  .strict();

const acceptedChanges = z.object({ accepted: z.array(acceptedChange) }).strict();

export type AcceptedChange = z.infer<typeof acceptedChange>;

export class AcceptedChangesError extends Error {
  override readonly name = 'AcceptedChangesError';
}

/** The committed allow-list, checked for shape; a wrong entry names its position and field, not its text. */
export function parseAcceptedChanges(json: string, file: string): AcceptedChange[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new AcceptedChangesError(`${file} is not valid JSON`);
  }
  const parsed = acceptedChanges.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
    throw new AcceptedChangesError(`${file} does not have the expected shape { "accepted": [{ "type", "path", "reason" }] }:\n${problems}`);
  }
  return parsed.data.accepted;
}

/** How a change and an allow-list entry are matched: its type and where it is, never its wording. */
export function changeKey(change: { type: string; path?: string }): string {
  return `${change.type} ${change.path ?? ''}`.trim();
}
