import type { PermissionStatement } from '../statement';
import {
  gcpEditor,
  gcpIamEscalation,
  gcpIamEscalationScoped,
  gcpOtherRole,
  gcpOwner,
  gcpSecretAccess,
  gcpServiceAdmin,
  gcpUnrecognisedAction,
  gcpViewer,
  GCP_ESCALATION_ROLES,
} from './gcp';

const binding = (role: string, scope: string, extra: Partial<PermissionStatement> = {}): PermissionStatement => ({
  effect: 'Allow',
  actions: [`gcp:${role}`],
  resources: [scope],
  via: `IAM binding ${role}`,
  ...extra,
});

describe('GCP rules', () => {
  it('rates roles/owner ADMIN with the scope in the evidence', () => {
    expect(gcpOwner.judge([binding('roles/owner', 'projects/shop')])).toEqual([
      { rule: 'gcp.owner', level: 'ADMIN', evidence: 'gcp:roles/owner allowed on projects/shop via IAM binding roles/owner' },
    ]);
  });

  it.each(GCP_ESCALATION_ROLES)('rates %s on a project ADMIN', (role) => {
    expect(gcpIamEscalation.judge([binding(role, 'projects/shop')])).toHaveLength(1);
  });

  it('reads a folder, an organization and a full resource name as hierarchy-wide', () => {
    expect(gcpIamEscalation.judge([binding('roles/iam.securityAdmin', 'organizations/42')])).toHaveLength(1);
    expect(gcpIamEscalation.judge([binding('roles/iam.securityAdmin', '//cloudresourcemanager.googleapis.com/folders/7')])).toHaveLength(1);
  });

  it('rates impersonation of one service account HIGH, not ADMIN', () => {
    const statements = [
      binding('roles/iam.serviceAccountTokenCreator', 'projects/shop/serviceAccounts/deploy@shop.iam.gserviceaccount.com'),
    ];
    expect(gcpIamEscalation.judge(statements)).toEqual([]);
    expect(gcpIamEscalationScoped.judge(statements)).toHaveLength(1);
  });

  it('marks a conditional binding', () => {
    expect(gcpEditor.judge([binding('roles/editor', 'projects/shop', { conditional: true })])[0].evidence).toContain('(conditional)');
  });

  it('rates the secret accessor and service admins HIGH', () => {
    expect(gcpSecretAccess.judge([binding('roles/secretmanager.secretAccessor', 'projects/shop')])).toHaveLength(1);
    expect(gcpServiceAdmin.judge([binding('roles/cloudsql.admin', 'projects/shop')])).toHaveLength(1);
    expect(gcpServiceAdmin.judge([binding('roles/storage.objectAdmin', 'projects/shop')])).toEqual([]);
  });

  it('rates viewer-type roles LOW and everything else MEDIUM', () => {
    for (const role of [
      'roles/viewer',
      'roles/browser',
      'roles/logging.viewer',
      'roles/storage.objectViewer',
      'roles/iam.securityReviewer',
    ]) {
      expect(gcpViewer.judge([binding(role, 'projects/shop')])).toHaveLength(1);
    }
    for (const role of ['roles/pubsub.publisher', 'roles/storage.objectAdmin', 'projects/shop/roles/deployer']) {
      expect(gcpOtherRole.judge([binding(role, 'projects/shop')])).toHaveLength(1);
      expect(gcpViewer.judge([binding(role, 'projects/shop')])).toEqual([]);
    }
  });

  it('leaves named roles to their own rules', () => {
    expect(gcpOtherRole.judge([binding('roles/owner', 'projects/shop')])).toEqual([]);
  });

  it('flags an action that is not a role', () => {
    expect(gcpUnrecognisedAction.judge([{ effect: 'Allow', actions: ['storage.buckets.get'], via: 'x' }])).toHaveLength(1);
  });
});
