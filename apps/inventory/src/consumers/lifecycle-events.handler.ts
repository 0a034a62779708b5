import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler, OutboxService } from '@nhi/messaging';
import { FindingsService } from '../findings/findings.service';
import { changesBetween, snapshotOf } from '../identity-data/identity-state';
import { identityStore } from '../identity-data/identity-store';
import { rotatedCredentials } from './rotated-credentials';

/**
 * A rotation changes the credential: inventory takes its new fingerprint and
 * expiry from lifecycle's event, says what changed, and re-checks the findings
 * (a new key may no longer be shared, leaked or without expiry). When the
 * integrator said which credential replaced which, those credentials change
 * and the identity itself (a user, a role) keeps its creation date.
 */
@Injectable()
export class LifecycleEventsHandler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly findings: FindingsService,
  ) {}

  @EventHandler('nhi.credential.rotated')
  async onRotated(event: ReceivedEvent<'nhi.credential.rotated'>, manager: EntityManager): Promise<void> {
    const { identityId, newCredentialFingerprint, newExpiresAt, rotatedAt, replaced } = event.data;
    const [before] = await identityStore.lockByIds(manager, [identityId]);
    if (!before) return;
    const after =
      replaced && before.credentials && before.credentials.length > 0
        ? { ...before, credentials: rotatedCredentials(before.credentials, replaced, rotatedAt) }
        : {
            ...before,
            credentialFingerprint: newCredentialFingerprint ?? before.credentialFingerprint,
            expiresAt: newExpiresAt ? new Date(newExpiresAt) : before.expiresAt,
            createdAt: new Date(rotatedAt),
          };
    const changes = changesBetween(before, after);
    if (changes.length === 0) return;
    await identityStore.update(manager, [after]);
    await this.outbox.enqueue(manager, {
      type: 'nhi.identity.updated',
      subject: identityId,
      data: { identity: snapshotOf(after), changes, source: 'lifecycle', updatedAt: rotatedAt },
    });
    const oldFingerprint =
      before.credentialFingerprint && before.credentialFingerprint !== after.credentialFingerprint ? [before.credentialFingerprint] : [];
    await this.findings.reconcile(manager, { identities: [after], fingerprints: oldFingerprint }, new Date(rotatedAt));
  }
}
