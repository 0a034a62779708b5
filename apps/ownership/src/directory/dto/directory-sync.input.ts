import { Field, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { OwnerKind } from '../../owner-data/owner-kind';

@InputType('DirectoryEntryInput', { description: 'One team or person as the directory lists it.' })
export class DirectoryEntryInput {
  @Field()
  @Allow()
  externalRef!: string;

  @Field(() => OwnerKind)
  @Allow()
  kind!: OwnerKind;

  @Field()
  @Allow()
  name!: string;

  @Field(() => String, { nullable: true })
  @Allow()
  email?: string | null;

  @Field(() => String, { nullable: true })
  @Allow()
  businessUnit?: string | null;

  @Field(() => String, { nullable: true, description: 'externalRef of the team it belongs to.' })
  @Allow()
  parentRef?: string | null;

  @Field(() => Boolean, { defaultValue: true, description: 'false: listed, but disabled in the directory (a leaver).' })
  @Allow()
  active!: boolean;

  @Field(() => String, { nullable: true, description: 'For a team merged away: the externalRef of the team that absorbed it.' })
  @Allow()
  mergedInto?: string | null;
}

@InputType('DirectorySyncInput', { description: 'The full list of people and teams from one directory (identity provider).' })
export class DirectorySyncInput {
  @Field({ description: 'Which directory this is, e.g. "okta" or "entra-id": owners it listed before and omits now have left.' })
  @Allow()
  directory!: string;

  @Field(() => [DirectoryEntryInput])
  @Allow()
  entries!: DirectoryEntryInput[];

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Apply a sync that removes more than DIRECTORY_SYNC_MAX_REMOVAL_SHARE of the owners.',
  })
  @Allow()
  force!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Report what would change, and change nothing.' })
  @Allow()
  dryRun!: boolean;
}
