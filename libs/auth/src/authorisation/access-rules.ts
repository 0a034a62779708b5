import { SetMetadata } from '@nestjs/common';
import type { Role } from '../actor';

/** Everyone who may read the graph. Integrators are not here: they talk over Kafka and the bulk ingest endpoint. */
export const READ_ROLES: readonly Role[] = ['viewer', 'owner', 'security-admin', 'auditor'];
/** The audit log and reports. */
export const AUDIT_ROLES: readonly Role[] = ['auditor', 'security-admin'];
/** Approving exceptions, forced and bulk revocation, policies, owners, rules, directory sync. */
export const ADMIN_ROLES: readonly Role[] = ['security-admin'];
/** Acting on identities: an owner only on its own (the resolver checks which), a security-admin on any. */
export const OWNER_ACTION_ROLES: readonly Role[] = ['owner', 'security-admin'];
/** The bulk ingest endpoint: connectors push their sources' identities. */
export const INGEST_ROLES: readonly Role[] = ['integrator', 'security-admin'];

/** The authorisation decision of a resolver: who may call it, and what to call it in a refusal. */
export interface AccessRule {
  roles: readonly Role[];
  /** The action as a verb phrase, for a refusal: "to approve an exception needs the security-admin role". */
  action: string;
  /** The resolver narrows further to identities the actor owns (see assertActsOnIdentities). */
  ownerScoped?: boolean;
}

export const ACCESS_RULE = 'nhi:access-rule';

/** Sets the authorisation decision on a resolver class or method; a method's rule wins over its class's. */
export const Access = (rule: AccessRule): ClassDecorator & MethodDecorator => SetMetadata(ACCESS_RULE, rule);

/** Read-only access for every role that may read the graph. */
export const CanRead = (action = 'read the graph'): ClassDecorator & MethodDecorator => Access({ roles: READ_ROLES, action });

/** The audit log and auditor reports. */
export const CanAudit = (action = 'read the audit trail'): ClassDecorator & MethodDecorator => Access({ roles: AUDIT_ROLES, action });

/** Only a security-admin. */
export const SecurityAdminOnly = (action: string): ClassDecorator & MethodDecorator => Access({ roles: ADMIN_ROLES, action });

/** An owner on identities it owns, or a security-admin on any; the resolver must check the identities. */
export const OwnerOrSecurityAdmin = (action: string): ClassDecorator & MethodDecorator =>
  Access({ roles: OWNER_ACTION_ROLES, action, ownerScoped: true });
