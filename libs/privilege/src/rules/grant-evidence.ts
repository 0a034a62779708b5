import { bounded, conditionalText, listNames, viaText } from '../evidence';
import { resourceText, type Grant } from '../grants';

/** How a grant's actions read: the pattern, or `every action except …` for NotAction. */
export function actionText(grant: Grant): string {
  return grant.except ? `every action except ${listNames(grant.except, 3)}` : grant.action;
}

/**
 * Grants from the same statement reaching the same resources read as one
 * reason (`s3:GetObject, s3:ListBucket allowed on arn:aws:s3:::logs via …`).
 */
export function grantsEvidence(grants: readonly Grant[]): string[] {
  const groups = new Map<string, Grant[]>();
  for (const grant of grants) {
    const key = JSON.stringify([grant.via, grant.conditional, resourceText(grant)]);
    groups.set(key, [...(groups.get(key) ?? []), grant]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0];
    const actions = listNames(group.map(actionText));
    return bounded(`${actions} allowed on ${resourceText(first)}${conditionalText(first.conditional)}${viaText([first.via])}`);
  });
}
