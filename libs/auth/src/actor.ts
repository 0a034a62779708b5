/** Who is acting. Built by the gateway from a verified JWT and passed to subgraphs in a signed header. */
export const ROLES = ['viewer', 'owner', 'security-admin', 'integrator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  /** Subject of the token: a person or a machine client. */
  sub: string;
  roles: Role[];
  /** Owners (teams or people, by external reference) the actor acts for. */
  ownerRefs: string[];
  /** Ingest sources (connectors) an integrator may upload for; empty or absent means none. */
  sources?: string[];
}

/** True when the actor holds at least one of the roles. */
export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

/** "alice has viewer, owner": the end of every refusal that names a missing role. */
export function whoHas(actor: Actor): string {
  return `${actor.sub} has ${actor.roles.join(', ') || 'none'}`;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
