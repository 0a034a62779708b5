import { Field, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';

@InputType('RegisterIntegratorInput', {
  description: 'Registers a source, or replaces the providers of one already registered (and brings it back if retired).',
})
export class RegisterIntegratorInput {
  @Field({ description: 'The CloudEvents source of its results: a URI-reference of at most 512 characters.' })
  @Allow()
  source!: string;

  @Field(() => [String], { description: 'Providers it answers for: 1 to 50 names of at most 100 characters, compared in lower case.' })
  @Allow()
  providers!: string[];
}
