import { Column, Entity } from 'typeorm';
import type { RotationCompletedData } from '@nhi/contracts';
import type { CredentialRef } from '../identity-data/known-credential';
import { CredentialRequestColumns } from './credential-request.entity';

@Entity({ name: 'rotation_requests' })
export class RotationRequestEntity extends CredentialRequestColumns {
  /** The credentials this rotation targets; empty when the identity is the credential. */
  @Column('jsonb', { name: 'target_credentials', default: () => "'[]'" })
  targetCredentials!: CredentialRef[];

  /** Which credential replaced which, as the integrator said; null until then, or when it did not say. */
  @Column('jsonb', { nullable: true })
  replaced!: RotationCompletedData['replaced'] | null;
}
