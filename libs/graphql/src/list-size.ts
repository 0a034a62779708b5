import { Directive } from '@nestjs/graphql';

/**
 * Apollo's @listSize on a list field: how many items the gateway's cost check
 * (and any other router) should assume it holds. Give the true bound, or the
 * size a real estate reaches where there is none, so that a query's estimated
 * cost is what answering it costs.
 */
export function ListSize(assumedSize: number): MethodDecorator & PropertyDecorator {
  return Directive(`@listSize(assumedSize: ${assumedSize})`) as MethodDecorator & PropertyDecorator;
}
