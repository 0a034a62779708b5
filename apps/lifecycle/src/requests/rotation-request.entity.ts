import { Entity } from 'typeorm';
import { CredentialRequestColumns } from './credential-request.entity';

@Entity({ name: 'rotation_requests' })
export class RotationRequestEntity extends CredentialRequestColumns {}
