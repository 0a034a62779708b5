import { Injectable } from '@nestjs/common';
import { frameworkCoverage, Framework, ControlCoverage } from '../governance/framework-controls';
import {
  attestationCompletion,
  exceptionsPer100,
  managedRotationShare,
  ownershipCoverage,
  rotationCompliance,
} from '../governance/governance-figures';
import { GovernanceReadService } from '../governance/governance-read.service';
import type { Scope } from '../governance/scope';
import { readinessStage } from '../governance/readiness';
import type { BusinessUnitAdoptionModel, GovernanceSummaryModel } from './governance-summary.model';

/** The governance read API: summary, adoption per business unit and framework coverage, as of a time. */
@Injectable()
export class GovernanceService {
  constructor(private readonly read: GovernanceReadService) {}

  async summary(scope: Scope, at = new Date()): Promise<GovernanceSummaryModel> {
    const {
      figures,
      byKind,
      byEnvironment,
      byProvider,
      revocationLeadTimeHoursP50: leadTime,
      exceptions,
      openFindings,
      asOf,
    } = await this.read.snapshot((read) => read.summary(scope, at));
    return {
      totalIdentities: figures.totalIdentities,
      byKind,
      byEnvironment,
      byProvider,
      ownershipCoverage: ownershipCoverage(figures),
      orphaned: figures.orphaned,
      unassigned: figures.unassigned,
      rotationCompliance: rotationCompliance(figures),
      overdueRotations: figures.overdueRotations,
      credentialAgeDaysP50: figures.credentialAgeDaysP50,
      credentialAgeDaysP90: figures.credentialAgeDaysP90,
      revocationLeadTimeHoursP50: leadTime === null ? null : Math.round(leadTime * 100) / 100,
      openExceptions: figures.openExceptions,
      expiringExceptions: exceptions.expiring,
      expiredExceptions: exceptions.expired,
      attestationCompletion: attestationCompletion(figures),
      findingsByCategory: openFindings,
      asOf,
    };
  }

  async adoption(at = new Date()): Promise<BusinessUnitAdoptionModel[]> {
    return (await this.read.snapshot((read) => read.figuresByBusinessUnit(at))).map(({ businessUnit, figures }) => ({
      businessUnit,
      identities: figures.totalIdentities,
      ownershipCoverage: ownershipCoverage(figures),
      managedRotationShare: managedRotationShare(figures),
      attestationCompletion: attestationCompletion(figures),
      rotationCompliance: rotationCompliance(figures),
      exceptionsPer100Identities: exceptionsPer100(figures),
      readiness: readinessStage(figures),
    }));
  }

  async frameworkCoverage(framework: Framework, at = new Date()): Promise<ControlCoverage[]> {
    const [estate, aiAgents] = await this.read.snapshot((read) =>
      Promise.all([read.figures({}, at), read.figures({ kind: 'AI_AGENT' }, at)]),
    );
    return frameworkCoverage(framework, { estate, aiAgents });
  }
}
