import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { ROOT } from './e2e-platform';

/** The portal developer's cookbook: one named operation per page, in ```graphql blocks. */
export const COOKBOOK = path.join(ROOT, 'docs/graphql.md');

/** Every page of the cookbook, by the name its block carries. */
export const COOKBOOK_PAGES = [
  'inventory-page',
  'identity-detail',
  'my-work',
  'approver-queue',
  'owner-picker',
  'work-queues',
  'rotation-request',
  'rotation-progress',
  'governance-dashboard',
] as const;

export type CookbookPage = (typeof COOKBOOK_PAGES)[number];

/** The ```graphql blocks whose first line is `# cookbook: <name>`, by name, each with that line. */
export function readCookbook(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of markdown.matchAll(/^```graphql\n# cookbook: ([a-z0-9-]+)\n([\s\S]*?)^```$/gm)) {
    const [, name, body] = match;
    if (!name || body === undefined) continue;
    if (blocks.has(name)) throw new Error(`docs/graphql.md has two blocks named "# cookbook: ${name}"`);
    blocks.set(name, `# cookbook: ${name}\n${body}`);
  }
  return blocks;
}

/** The cookbook as the document holds it now. */
export function loadCookbook(): Map<string, string> {
  return readCookbook(readFileSync(COOKBOOK, 'utf8'));
}

/** One page's block; a page the document lost is a failure, not a skip. */
export function cookbookQuery(cookbook: ReadonlyMap<string, string>, name: CookbookPage): string {
  const query = cookbook.get(name);
  if (!query) throw new Error(`docs/graphql.md has no block "# cookbook: ${name}"`);
  return query;
}

/** The one named operation a block must hold. */
export function operationOf(name: string, query: string): OperationDefinitionNode {
  const definitions = parse(query).definitions;
  const [operation] = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (definitions.length !== 1 || !operation?.name) throw new Error(`"# cookbook: ${name}" must hold exactly one named operation`);
  return operation;
}
