import { Module } from '@nestjs/common';
import { TimelineResolver } from './timeline.resolver';

/** Each identity's timeline, from the events the facts handlers apply (they write it, FactsWriter). */
@Module({ providers: [TimelineResolver] })
export class TimelineModule {}
