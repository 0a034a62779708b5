import {
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
} from 'graphql';

/** The root types describe nothing a portal developer reads: their fields carry the meaning. */
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

function blank(description: string | null | undefined): boolean {
  return !description || description.trim() === '';
}

/**
 * Every public element of the API schema without a description, named as a
 * portal developer would look it up: `Type`, `Type.field`, `Type.field(argument)`,
 * `Input.field` and `Enum.VALUE`. GraphQL's own types and scalars are left out.
 */
export function undescribedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!ROOT_TYPES.has(type.name) && blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const argument of field.args) {
          if (blank(argument.description)) missing.push(`${type.name}.${field.name}(${argument.name})`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
      }
    } else if (isUnionType(type)) {
      // A union's members are types described on their own.
    }
  }
  return missing.sort();
}

export interface DescriptionCheck {
  /** Undescribed and not on the list of known gaps: new elements must come described. */
  added: string[];
  /** On the list of known gaps but described (or gone) now: the list must shrink with them. */
  stale: string[];
}

/** Compares what is undescribed now with the committed list of known gaps, which may only shrink. */
export function checkDescriptions(undescribed: readonly string[], knownGaps: readonly string[]): DescriptionCheck {
  const now = new Set(undescribed);
  const known = new Set(knownGaps);
  return {
    added: undescribed.filter((element) => !known.has(element)),
    stale: knownGaps.filter((element) => !now.has(element)),
  };
}
