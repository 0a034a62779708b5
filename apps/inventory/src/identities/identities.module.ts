import { Module } from '@nestjs/common';
import { IdentitiesResolver } from './identities.resolver';
import { IdentitiesService } from './identities.service';

@Module({ providers: [IdentitiesService, IdentitiesResolver], exports: [IdentitiesService] })
export class IdentitiesModule {}
