import { Field, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { OrderDirection } from './enums/order-direction';

/** An `orderBy` input: a sort key among a connection's and a direction, ASC unless asked. */
export interface OrderInput<F extends string> {
  field: F;
  direction: OrderDirection;
}

/**
 * The base of one connection's `orderBy` input, its key one of `fieldEnum` (a registered enum); the subclass names and
 * describes it with its own @InputType. `byDefault` makes `field` optional; without it a portal names the key.
 */
export function orderInputType<F extends string>(fieldEnum: object, byDefault?: F): abstract new () => OrderInput<F> {
  @InputType({ isAbstract: true })
  abstract class OrderInputType implements OrderInput<F> {
    @Field(() => fieldEnum, { description: 'The sort key.', ...(byDefault === undefined ? {} : { defaultValue: byDefault }) })
    @Allow()
    field!: F;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'The direction.' })
    @Allow()
    direction!: OrderDirection;
  }
  return OrderInputType;
}

/**
 * The tag the cursors of `order` carry (see decodeCursor): none for the connection's default order, so cursors issued
 * before the connection could be sorted still page it. A connection whose default is no `orderBy` at all (by id)
 * passes no default: every order it is asked for is tagged.
 */
export function orderTag<F extends string>(order: OrderInput<F>, byDefault?: OrderInput<F>): string | undefined {
  return order.field === byDefault?.field && order.direction === byDefault.direction ? undefined : `${order.field} ${order.direction}`;
}
