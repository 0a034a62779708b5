import { Field, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';

/** One tag filter for every subgraph that filters identities by tags, so the composed `TagFilter` is one type. */
@InputType('TagFilter', { description: 'A tag an identity must carry.' })
export class TagFilterInput {
  @Field({ description: "The tag's key, exactly." })
  @Allow()
  key!: string;

  @Field(() => String, { nullable: true, description: "The tag's value, exactly; null matches any value." })
  @Allow()
  value?: string | null;
}
