import { Column, Entity } from 'typeorm';
import { CredentialRequestColumns } from './credential-request.entity';

@Entity({ name: 'revocation_requests' })
export class RevocationRequestEntity extends CredentialRequestColumns {
  @Column('boolean', { default: false })
  force!: boolean;
}
