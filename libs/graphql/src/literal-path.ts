import { ASTNode, BREAK, Kind, parse, visit } from 'graphql';
import { clientName } from './input-error-grammar';

/** Where an inline value sits in the operation: the argument and the path inside it, as `input.rows[0].name`. */
export interface LiteralPlace {
  argument: string;
  path: string;
}

interface LocatedError {
  nodes?: ReadonlyArray<ASTNode>;
  source?: { body: string };
}

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

/** Argument name and path from the chain of nodes and arrays down to the value, with the key into each. */
function placeOf(ancestors: ReadonlyArray<unknown>, keys: ReadonlyArray<string | number>): LiteralPlace | undefined {
  let argument: string | undefined;
  let path = '';
  // A field name the schema does not know is the client's text: the path stops before it.
  let complete = false;
  ancestors.forEach((ancestor, index) => {
    if (complete) return;
    if (!isNode(ancestor)) {
      const owner = ancestors[index - 1];
      if (argument && isNode(owner) && owner.kind === Kind.LIST) path += `[${String(keys[index])}]`;
    } else if (ancestor.kind === Kind.ARGUMENT) {
      [argument, path] = [ancestor.name.value, ancestor.name.value];
    } else if (ancestor.kind === Kind.OBJECT_FIELD && argument) {
      const name = clientName(ancestor.name.value);
      if (name) path += `.${name}`;
      else complete = true;
    }
  });
  return argument ? { argument, path } : undefined;
}

/**
 * graphql-js reports a bad inline value with the value's node only, not where
 * it sits. The document is parsed again (only for such an error) to find the
 * node by its location and name the argument and path instead of the value.
 */
export function literalPlace(error: unknown): LiteralPlace | undefined {
  const { nodes, source } = (error ?? {}) as LocatedError;
  const target = nodes?.[0];
  const body = source?.body ?? target?.loc?.source.body;
  if (!target?.loc || !body) return undefined;
  const { start, end } = target.loc;
  let place: LiteralPlace | undefined;
  try {
    visit(parse(body), {
      enter(node, _key, parent, path, ancestors) {
        if (node.kind !== target.kind || node.loc?.start !== start || node.loc.end !== end) return undefined;
        // `ancestors` stops before the parent; `path` holds the key into each of them and into the parent.
        place = placeOf([...ancestors, parent, node], [...path, '']);
        return BREAK;
      },
    });
  } catch {
    return undefined;
  }
  return place;
}
