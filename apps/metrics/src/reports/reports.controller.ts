import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { jwtVerifierFromConfig, RequestAuthenticator, RequestAuthError } from '@nhi/auth';
import type { SubgraphConfig } from '@nhi/config';
import { SUBGRAPH_CONFIG } from '@nhi/runtime';
import type { Framework } from '../governance/framework-controls';
import { METRICS_CONFIG, MetricsConfig } from '../metrics-config';
import { GovernanceService } from '../summary/governance.service';
import { GovernanceReport, reportCsv } from './governance-report';

const FRAMEWORKS: Framework[] = ['NIST_CSF_2', 'OWASP_NHI_TOP10', 'NIST_AI_RMF'];

/**
 * GET /reports/governance.json and .csv?at=<RFC 3339>: summary, adoption and
 * framework coverage as of a time, for auditors (auditor or security-admin role,
 * bearer token or the gateway's actor header).
 */
@Controller('reports')
export class ReportsController {
  private readonly authenticator: RequestAuthenticator;

  constructor(
    private readonly governance: GovernanceService,
    @Inject(SUBGRAPH_CONFIG) subgraph: SubgraphConfig,
    @Inject(METRICS_CONFIG) config: MetricsConfig,
  ) {
    this.authenticator = new RequestAuthenticator(subgraph.ACTOR_SIGNING_KEY, jwtVerifierFromConfig(config));
  }

  @Get('governance.:format')
  async governanceReport(
    @Param('format') format: string,
    @Query('at') atText: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    try {
      await this.authenticator.authenticate(req, ['auditor', 'security-admin'], 'the governance report');
    } catch (error) {
      if (!(error instanceof RequestAuthError)) throw error;
      res.status(error.status).json({ error: error.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: error.message });
      return;
    }
    if (format !== 'json' && format !== 'csv') {
      // Neither the format nor the time is quoted back: both are the caller's text and may be anything, a secret included.
      res.status(404).json({ error: 'NOT_FOUND', message: 'no such report format; ask for governance.json or governance.csv' });
      return;
    }
    const at = atText === undefined ? new Date() : new Date(atText);
    if (Number.isNaN(at.getTime())) {
      res.status(400).json({ error: 'BAD_REQUEST', message: 'at must be an RFC 3339 time such as 2026-11-01T00:00:00Z' });
      return;
    }
    const report = await this.report(at);
    if (format === 'json') {
      res.json(report);
      return;
    }
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="governance-${at.toISOString().slice(0, 10)}.csv"`);
    res.send(reportCsv(report));
  }

  private async report(at: Date): Promise<GovernanceReport> {
    const [summary, adoption, ...coverage] = await Promise.all([
      this.governance.summary({}, at),
      this.governance.adoption(at),
      ...FRAMEWORKS.map((framework) => this.governance.frameworkCoverage(framework, at)),
    ]);
    return {
      at: at.toISOString(),
      asOf: summary.asOf.toISOString(),
      summary,
      adoption,
      frameworkCoverage: Object.fromEntries(
        FRAMEWORKS.map((framework, i) => [framework, coverage[i]]),
      ) as GovernanceReport['frameworkCoverage'],
    };
  }
}
