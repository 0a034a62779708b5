import { Module } from '@nestjs/common';
import { GovernanceReadService } from './governance-read.service';

/** The figures of the read models, shared by everything that reports on them. */
@Module({ providers: [GovernanceReadService], exports: [GovernanceReadService] })
export class GovernanceModule {}
