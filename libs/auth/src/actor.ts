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

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
