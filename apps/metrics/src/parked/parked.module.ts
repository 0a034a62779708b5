import { Module } from '@nestjs/common';
import { ParkedEventsResolver } from './parked-events.resolver';

/** parkedEvents: what the consumer dead-lettered, visible instead of silently dropped. */
@Module({ providers: [ParkedEventsResolver] })
export class ParkedModule {}
