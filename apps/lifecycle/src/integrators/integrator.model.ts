import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Integrator', {
  description:
    'A connector whose rotation and revocation results are applied, for the providers it answers for. A result from any other source is refused, answered on the feedback topic and audited.',
})
export class IntegratorModel {
  @Field({ description: 'The CloudEvents source its results carry, e.g. /integrators/acme or https://acme.example/rotator.' })
  source!: string;

  @Field(() => [String], { description: 'Providers it may answer for (lower case).' })
  providers!: string[];

  @Field({ description: 'Who registered it last (the subject of their token).' })
  registeredBy!: string;

  @Field({ description: 'When it was registered last, or brought back from retirement.' })
  registeredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Set once retired: its results are refused from then on.' })
  retiredAt!: Date | null;
}
