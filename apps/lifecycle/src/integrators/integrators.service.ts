import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { GraphQLError } from 'graphql';
import type { RegisterIntegratorInput } from './dto/register-integrator.input';
import { IntegratorEntity } from './integrator.entity';
import { checkedProviders, checkedSource } from './integrator-input';
import { notFound } from '@nhi/graphql';

/** NOT_FOUND on the input's source; the source is not repeated. */
function noSuchIntegrator(): GraphQLError {
  return notFound('no integrator is registered with that source', 'source');
}

/** The registry of integrators: whose results lifecycle applies, and for which providers. */
@Injectable()
export class IntegratorsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async register(input: RegisterIntegratorInput, registeredBy: string): Promise<IntegratorEntity> {
    const source = checkedSource(input.source);
    const providers = checkedProviders(input.providers);
    const [row] = await this.dataSource.query<IntegratorRow[]>(
      `INSERT INTO integrators (source, providers, registered_by, registered_at, retired_at) VALUES ($1, $2, $3, now(), NULL)
       ON CONFLICT (source) DO UPDATE SET providers = EXCLUDED.providers, registered_by = EXCLUDED.registered_by,
         registered_at = EXCLUDED.registered_at, retired_at = NULL
       RETURNING *`,
      [source, providers, registeredBy],
    );
    return toEntity(row);
  }

  /** Retires a source: its results are refused from now on. Retiring twice keeps the first time. */
  async retire(source: string): Promise<IntegratorEntity> {
    const checked = checkedSource(source);
    await this.dataSource.query('UPDATE integrators SET retired_at = COALESCE(retired_at, now()) WHERE source = $1', [checked]);
    const [row] = await this.dataSource.query<IntegratorRow[]>('SELECT * FROM integrators WHERE source = $1', [checked]);
    if (!row) throw noSuchIntegrator();
    return toEntity(row);
  }

  /** One integrator by its source, retired or not; null when none is registered with it. */
  async bySource(source: string): Promise<IntegratorEntity | null> {
    const [row] = await this.dataSource.query<IntegratorRow[]>('SELECT * FROM integrators WHERE source = $1', [source]);
    return row ? toEntity(row) : null;
  }

  async list(includeRetired: boolean): Promise<IntegratorEntity[]> {
    const rows = await this.dataSource.query<IntegratorRow[]>(
      `SELECT * FROM integrators ${includeRetired ? '' : 'WHERE retired_at IS NULL'} ORDER BY source`,
    );
    return rows.map(toEntity);
  }

  /** Whether a result from `source` may settle a request for an identity of `provider`, read in the applying transaction. */
  async trusts(manager: EntityManager, source: string, provider: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM integrators WHERE source = $1 AND retired_at IS NULL AND $2 = ANY(providers)',
      [source, provider.toLowerCase()],
    );
    return rows.length > 0;
  }
}

interface IntegratorRow {
  source: string;
  providers: string[];
  registered_by: string;
  registered_at: Date;
  retired_at: Date | null;
}

function toEntity(row: IntegratorRow | undefined): IntegratorEntity {
  if (!row) throw new Error('the integrators table returned no row');
  return Object.assign(new IntegratorEntity(), {
    source: row.source,
    providers: row.providers,
    registeredBy: row.registered_by,
    registeredAt: row.registered_at,
    retiredAt: row.retired_at,
  });
}
