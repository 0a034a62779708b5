import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { OutboxService } from '@nhi/messaging';
import { RegisterIdentityInput } from './dto/register-identity.input';
import { IdentityEntity } from './identity.entity';
import { SightingEntity } from './sighting.entity';

export interface RegistrationResult {
  identity: IdentityEntity;
  created: boolean;
}

@Injectable()
export class IdentitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Records one sighting of an identity. The natural key (provider, externalId)
   * decides whether it is new; a new identity and its event commit together.
   */
  async register(input: RegisterIdentityInput, now = new Date()): Promise<RegistrationResult> {
    const provider = input.provider.trim().toLowerCase();
    const externalId = input.externalId.trim();
    return this.dataSource.transaction(async (manager) => {
      const identities = manager.getRepository(IdentityEntity);
      // Lock the natural key so two concurrent reports of one identity never create two.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [provider, externalId]);
      const existing = await identities.findOne({ where: { provider, externalId } });
      const identity = existing ?? identities.create({ id: randomUUID(), provider, externalId, firstSeenAt: now, status: 'ACTIVE' });
      Object.assign(identity, {
        kind: input.kind,
        name: input.name.trim(),
        environment: input.environment ?? existing?.environment ?? 'UNKNOWN',
        system: input.system ?? existing?.system ?? null,
        businessUnit: input.businessUnit ?? existing?.businessUnit ?? null,
        scopes: input.scopes ?? existing?.scopes ?? [],
        privilegeLevel: input.privilegeLevel ?? existing?.privilegeLevel ?? null,
        createdAt: input.createdAt ?? existing?.createdAt ?? null,
        lastUsedAt: existing?.lastUsedAt ?? null,
        expiresAt: input.expiresAt ?? existing?.expiresAt ?? null,
        credentialFingerprint: input.credentialFingerprint ?? existing?.credentialFingerprint ?? null,
        lastSeenAt: now,
      });
      await identities.save(identity);
      await manager
        .getRepository(SightingEntity)
        .upsert({ identityId: identity.id, source: input.source.trim(), seenAt: now }, ['identityId', 'source']);
      if (!existing) {
        await this.outbox.enqueue(manager, {
          type: 'nhi.identity.registered',
          subject: identity.id,
          data: {
            id: identity.id,
            kind: identity.kind,
            name: identity.name,
            provider: identity.provider,
            externalId: identity.externalId,
            environment: identity.environment,
            system: identity.system,
            businessUnit: identity.businessUnit,
            privilegeLevel: identity.privilegeLevel,
            createdAt: identity.createdAt?.toISOString() ?? null,
            expiresAt: identity.expiresAt?.toISOString() ?? null,
            credentialFingerprint: identity.credentialFingerprint,
            registeredAt: now.toISOString(),
          },
        });
      }
      return { identity, created: !existing };
    });
  }

  findById(id: string): Promise<IdentityEntity | null> {
    return this.dataSource.getRepository(IdentityEntity).findOne({ where: { id } });
  }

  findByNaturalKey(provider: string, externalId: string): Promise<IdentityEntity | null> {
    return this.dataSource
      .getRepository(IdentityEntity)
      .findOne({ where: { provider: provider.trim().toLowerCase(), externalId: externalId.trim() } });
  }

  /** One query for many ids: entity resolution from the gateway is batched through this. */
  findByIds(ids: readonly string[]): Promise<IdentityEntity[]> {
    return this.dataSource.getRepository(IdentityEntity).find({ where: { id: In([...ids]) } });
  }

  sightingsOf(identityIds: readonly string[]): Promise<SightingEntity[]> {
    return this.dataSource.getRepository(SightingEntity).find({ where: { identityId: In([...identityIds]) }, order: { seenAt: 'DESC' } });
  }
}
