import { Module } from '@nestjs/common';
import { CredentialRequestMetrics } from './credential-request-metrics';

/** The lifecycle service's own figures on GET /metrics, for operators. */
@Module({ providers: [CredentialRequestMetrics] })
export class LifecycleMetricsModule {}
