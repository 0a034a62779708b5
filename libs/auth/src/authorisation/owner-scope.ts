import { whoHas, type Actor } from '../actor';
import { accessDenied } from './access-denied';

/** An identity and who is accountable for it: the owner's reference followed by the references of its teams, innermost first. */
export interface OwnedTarget {
  identityId: string;
  ownerPath: readonly string[];
}

/** True when the actor owns the identity directly or through one of its teams. */
export function actsFor(actor: Actor, ownerPath: readonly string[]): boolean {
  return ownerPath.some((ref) => actor.ownerRefs.includes(ref));
}

/** Whether the actor may act on this identity: a security-admin on any, an owner on its own. */
export function mayActOn(actor: Actor, target: OwnedTarget): boolean {
  return actor.roles.includes('security-admin') || (actor.roles.includes('owner') && actsFor(actor, target.ownerPath));
}

/**
 * Owners act only on identities they own; a security-admin acts on any.
 * Refuses the whole action when one target is not the actor's, so nothing is half done.
 * The refusal says how many are not the actor's, never which: their ids are the caller's input (or another owner's).
 */
export function assertActsOnIdentities(actor: Actor, targets: readonly OwnedTarget[], action: string): void {
  if (!needsOwnership(actor, action)) return;
  const notOwned = targets.filter((target) => !actsFor(actor, target.ownerPath)).length;
  if (notOwned === 0) return;
  const others = notOwned === 1 ? 'one identity here is' : `${notOwned} identities here are`;
  throw accessDenied(
    `${actor.sub} may ${action} only for identities owned by ${actingFor(actor)} or their teams; ${others} owned by someone else`,
  );
}

/** The receiving owner of a handoff and the like: the actor must be that owner or act for one of its teams. The refusal does not name that owner. */
export function assertActsForOwner(actor: Actor, owner: { ref: string; path: readonly string[] }, action: string): void {
  if (!needsOwnership(actor, action)) return;
  if (!actsFor(actor, owner.path)) {
    throw accessDenied(`${actor.sub} may ${action} only as ${actingFor(actor)} or their teams; the owner it is for is not one of them`);
  }
}

/** False for a security-admin, who acts on anything; refuses anyone who is not an owner either. */
function needsOwnership(actor: Actor, action: string): boolean {
  if (actor.roles.includes('security-admin')) return false;
  if (!actor.roles.includes('owner')) {
    throw accessDenied(`to ${action} needs the owner or security-admin role; ${whoHas(actor)}`);
  }
  return true;
}

function actingFor(actor: Actor): string {
  return actor.ownerRefs.join(', ') || 'no owner';
}
