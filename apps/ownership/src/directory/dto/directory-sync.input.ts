import { Field, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { MutationInput } from '@nhi/graphql';
import { OwnerKind } from '../../owner-data/owner-kind';

@InputType('DirectoryEntryInput', { description: 'One team or person as the directory lists it.' })
export class DirectoryEntryInput {
  @Field({ description: "The directory's own stable id for the team or person; up to 200 characters, unique in the list." })
  @Allow()
  externalRef!: string;

  @Field(() => OwnerKind, { description: 'TEAM or PERSON; an owner never changes kind (an entry that would is rejected).' })
  @Allow()
  kind!: OwnerKind;

  @Field({ description: 'Display name; required.' })
  @Allow()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Contact address; must be an e-mail address when given.' })
  @Allow()
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'The business unit the owner belongs to.' })
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

/**
 * The input of directorySync and of the deprecated syncDirectory, which already took one input: it
 * gains clientMutationId for the payload form (the flat form ignores it), and keeps its name.
 */
@InputType('DirectorySyncInput', { description: 'The full list of people and teams from one directory (identity provider).' })
export class DirectorySyncInput extends MutationInput {
  @Field({ description: 'Which directory this is, e.g. "okta" or "entra-id": owners it listed before and omits now have left.' })
  @Allow()
  directory!: string;

  @Field(() => [DirectoryEntryInput], {
    description: 'Every team and person the directory lists, in any order (a parent may come after its children).',
  })
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
