/** The ids the free-text mutations act on, made valid beforehand so that only the secret is wrong. */
export interface FreeTextFixtures {
  /** Owned by team1; has campaign and handoff; rita's exception is on it. */
  owned: string;
  /** Rotated and revoked by the sweep. */
  rotated: string;
  /** The only identity of the system that the bulk revocation selects. */
  bulkSystem: string;
  team1: string;
  team2: string;
  campaign: string;
  handoff: string;
  exception: string;
  /** A time within every maximum (a week ahead). */
  expiresAt: string;
}

/**
 * Every argument or input field of the ownership, lifecycle, exceptions (and inventory) mutations
 * that takes free text (apps/<service>/schema.graphql), in the flat-argument forms and in the payload
 * forms of ADR 0037 (whose free text is the same fields plus clientMutationId, which is echoed back).
 * `call` writes the mutation with `v` (a variable reference such as $v3, type String!) in that field and
 * valid values elsewhere.
 */
export type FreeTextField = [field: string, call: (v: string, f: FreeTextFixtures) => string];

const owner = (v: string, field: string) =>
  `upsertOwner(input: { externalRef: "leak-owner", kind: TEAM, name: "Leak owner", ${field}: ${v} }) { id }`;
const ownerRef = (v: string) => `upsertOwner(input: { externalRef: ${v}, kind: TEAM, name: "Leak owner" }) { id }`;
const rule = (v: string, f: FreeTextFixtures, field: string) =>
  `createOwnershipRule(input: { name: "leak rule", ownerId: "${f.team1}", mode: SUGGEST, ${field} }) { id }`.replace('$$', v);
const entry = (v: string, field: string, extra = '') =>
  `syncDirectory(input: { directory: "leak-dir", entries: [{ externalRef: "leak-entry", kind: PERSON, name: "Leak entry", ${field}: ${v}${extra} }] }) { created }`;
const campaign = (v: string, f: FreeTextFixtures, field: string) =>
  `startAttestationCampaign(input: { name: "leak campaign", deadline: "${f.expiresAt}", ${field}: ${v} }) { id }`;
const policy = (v: string, field: string) =>
  `upsertRotationPolicy(input: { name: "leak policy", maxAgeDays: 90, ${field}: [${v}] }) { id }`;
/** The payload forms answer refusals as userErrors; what they echo is the clientMutationId. */
const OUTCOME = '{ clientMutationId userErrors { code } }';
const terms = (f: FreeTextFixtures) => `control: PRIVILEGE, expiresAt: "${f.expiresAt}"`;

export const OWNERSHIP_FIELDS: FreeTextField[] = [
  ['assignOwner.reason', (v, f) => `assignOwner(identityId: "${f.owned}", ownerId: "${f.team2}", role: BACKUP, reason: ${v}) { id }`],
  ['unassignOwner.reason', (v, f) => `unassignOwner(identityId: "${f.owned}", role: BACKUP, reason: ${v}) { id }`],
  ['upsertOwner.externalRef', (v) => ownerRef(v)],
  ['upsertOwner.name', (v) => `upsertOwner(input: { externalRef: "leak-owner", kind: TEAM, name: ${v} }) { id }`],
  ['upsertOwner.email', (v) => owner(v, 'email')],
  ['upsertOwner.businessUnit', (v) => owner(v, 'businessUnit')],
  ['upsertOwner.parentRef', (v) => owner(v, 'parentRef')],
  ['deactivateOwner.reason', (v, f) => `deactivateOwner(ownerId: "${f.team2}", reason: ${v}) { id }`],
  [
    'createOwnershipRule.name',
    (v, f) => `createOwnershipRule(input: { name: ${v}, ownerId: "${f.team1}", mode: SUGGEST, system: "leak" }) { id }`,
  ],
  ['createOwnershipRule.provider', (v, f) => rule(v, f, 'provider: $$')],
  ['createOwnershipRule.system', (v, f) => rule(v, f, 'system: $$')],
  ['createOwnershipRule.businessUnit', (v, f) => rule(v, f, 'businessUnit: $$')],
  ['createOwnershipRule.tags.key', (v, f) => rule(v, f, 'tags: [{ key: $$, value: "x" }]')],
  ['createOwnershipRule.tags.value', (v, f) => rule(v, f, 'tags: [{ key: "team", value: $$ }]')],
  ['createOwnershipRule.namePattern', (v, f) => rule(v, f, 'namePattern: $$')],
  ['createOwnershipRule.account', (v, f) => rule(v, f, 'account: $$')],
  [
    'syncDirectory.directory',
    (v) =>
      `syncDirectory(input: { directory: ${v}, entries: [{ externalRef: "leak-entry", kind: PERSON, name: "Leak entry" }] }) { created }`,
  ],
  [
    'syncDirectory.entries.externalRef',
    (v) =>
      `syncDirectory(input: { directory: "leak-dir", entries: [{ externalRef: ${v}, kind: PERSON, name: "Leak entry" }] }) { created }`,
  ],
  [
    'syncDirectory.entries.name',
    (v) =>
      `syncDirectory(input: { directory: "leak-dir", entries: [{ externalRef: "leak-entry", kind: PERSON, name: ${v} }] }) { created }`,
  ],
  ['syncDirectory.entries.email', (v) => entry(v, 'email')],
  ['syncDirectory.entries.businessUnit', (v) => entry(v, 'businessUnit')],
  ['syncDirectory.entries.parentRef', (v) => entry(v, 'parentRef')],
  ['syncDirectory.entries.mergedInto', (v) => entry(v, 'mergedInto', ', active: false')],
  [
    'startAttestationCampaign.name',
    (v, f) => `startAttestationCampaign(input: { name: ${v}, deadline: "${f.expiresAt}", ownerId: "${f.team1}" }) { id }`,
  ],
  ['startAttestationCampaign.businessUnit', (v, f) => campaign(v, f, 'businessUnit')],
  ['startAttestationCampaign.kind', (v, f) => campaign(v, f, 'kind')],
  ['attest.note', (v, f) => `attest(identityId: "${f.owned}", campaignId: "${f.campaign}", decision: KEEP, note: ${v}) { id }`],
  ['requestHandoff.system', (v, f) => `requestHandoff(input: { system: ${v}, toOwnerId: "${f.team2}", reason: "leak" }) { id }`],
  ['requestHandoff.reason', (v, f) => `requestHandoff(input: { fromOwnerId: "${f.team1}", toOwnerId: "${f.team2}", reason: ${v} }) { id }`],
  ['declineHandoff.note', (v, f) => `declineHandoff(id: "${f.handoff}", note: ${v}) { id }`],
  [
    'identityOwnerAssign.reason',
    (v, f) => `identityOwnerAssign(input: { identityId: "${f.owned}", ownerId: "${f.team2}", role: BACKUP, reason: ${v} }) ${OUTCOME}`,
  ],
  [
    'identityOwnerAssign.clientMutationId',
    (v, f) =>
      `identityOwnerAssign(input: { identityId: "${f.owned}", ownerId: "${f.team2}", role: BACKUP, clientMutationId: ${v} }) ${OUTCOME}`,
  ],
  ['ownerDeactivate.reason', (v, f) => `ownerDeactivate(input: { ownerId: "${f.team2}", reason: ${v} }) ${OUTCOME}`],
  [
    'attestationCreate.note',
    (v, f) => `attestationCreate(input: { identityId: "${f.owned}", campaignId: "${f.campaign}", decision: KEEP, note: ${v} }) ${OUTCOME}`,
  ],
  ['handoffReject.reason', (v, f) => `handoffReject(input: { id: "${f.handoff}", reason: ${v} }) ${OUTCOME}`],
];

export const LIFECYCLE_FIELDS: FreeTextField[] = [
  ['upsertRotationPolicy.name', (v) => `upsertRotationPolicy(input: { name: ${v}, maxAgeDays: 90, kind: ["API_KEY"] }) { id }`],
  ['upsertRotationPolicy.kind', (v) => policy(v, 'kind')],
  ['upsertRotationPolicy.environment', (v) => policy(v, 'environment')],
  ['upsertRotationPolicy.privilegeLevel', (v) => policy(v, 'privilegeLevel')],
  ['upsertRotationPolicy.provider', (v) => policy(v, 'provider')],
  ['upsertRotationPolicy.businessUnit', (v) => policy(v, 'businessUnit')],
  ['requestRotation.reason', (v, f) => `requestRotation(identityId: "${f.rotated}", reason: ${v}) { id }`],
  ['requestRevocation.reason', (v, f) => `requestRevocation(identityId: "${f.rotated}", reason: ${v}) { id }`],
  ['rotationRequestCreate.reason', (v, f) => `rotationRequestCreate(input: { identityId: "${f.rotated}", reason: ${v} }) ${OUTCOME}`],
  [
    'rotationRequestCreate.clientMutationId',
    (v, f) => `rotationRequestCreate(input: { identityId: "${f.rotated}", reason: "leak", clientMutationId: ${v} }) ${OUTCOME}`,
  ],
  ['revocationRequestCreate.reason', (v, f) => `revocationRequestCreate(input: { identityId: "${f.rotated}", reason: ${v} }) ${OUTCOME}`],
  ['requestBulkRevocation.reason', (v) => `requestBulkRevocation(selector: { system: "leak-bulk" }, reason: ${v}) { requested }`],
  ['requestBulkRevocation.selector.system', (v) => `requestBulkRevocation(selector: { system: ${v} }, reason: "leak") { requested }`],
  ['requestBulkRevocation.selector.provider', (v) => `requestBulkRevocation(selector: { provider: ${v} }, reason: "leak") { requested }`],
  ...(['requestRotations', 'requestRevocations'] as const).flatMap((mutation): FreeTextField[] => [
    [`${mutation}.reason`, (v) => `${mutation}(selection: { system: "leak-bulk" }, reason: ${v}) { id }`],
    [`${mutation}.selection.system`, (v) => `${mutation}(selection: { system: ${v} }, reason: "leak") { id }`],
    [`${mutation}.selection.provider`, (v) => `${mutation}(selection: { provider: ${v} }, reason: "leak") { id }`],
    [
      `${mutation}.selection.credentialFingerprint`,
      (v) => `${mutation}(selection: { credentialFingerprint: ${v} }, reason: "leak") { id }`,
    ],
    [`${mutation}.selection.source`, (v) => `${mutation}(selection: { source: ${v} }, reason: "leak") { id }`],
    [`${mutation}.selection.findingCategory`, (v) => `${mutation}(selection: { findingCategory: ${v} }, reason: "leak") { id }`],
  ]),
];

export const EXCEPTIONS_FIELDS: FreeTextField[] = [
  [
    'requestException.justification',
    (v, f) => `requestException(input: { identityId: "${f.owned}", ${terms(f)}, justification: ${v} }) { id }`,
  ],
  [
    'requestException.compensatingControls',
    (v, f) =>
      `requestException(input: { identityId: "${f.owned}", ${terms(f)}, justification: "leak", compensatingControls: [${v}] }) { id }`,
  ],
  [
    'requestExceptions.justification',
    (v, f) => `requestExceptions(input: { selector: { identityIds: ["${f.owned}"] }, ${terms(f)}, justification: ${v} }) { groupId }`,
  ],
  [
    'requestExceptions.compensatingControls',
    (v, f) =>
      `requestExceptions(input: { selector: { identityIds: ["${f.owned}"] }, ${terms(f)}, justification: "leak", compensatingControls: [${v}] }) { groupId }`,
  ],
  [
    'requestExceptions.selector.system',
    (v, f) => `requestExceptions(input: { selector: { system: ${v} }, ${terms(f)}, justification: "leak" }) { groupId }`,
  ],
  ['approveException.note', (v, f) => `approveException(id: "${f.exception}", note: ${v}) { id }`],
  ['rejectException.note', (v, f) => `rejectException(id: "${f.exception}", note: ${v}) { id }`],
  ['revokeException.reason', (v, f) => `revokeException(id: "${f.exception}", reason: ${v}) { id }`],
  ['exceptionApprove.note', (v, f) => `exceptionApprove(input: { id: "${f.exception}", note: ${v} }) ${OUTCOME}`],
  ['exceptionReject.reason', (v, f) => `exceptionReject(input: { id: "${f.exception}", reason: ${v} }) ${OUTCOME}`],
  ['exceptionRevoke.reason', (v, f) => `exceptionRevoke(input: { id: "${f.exception}", reason: ${v} }) ${OUTCOME}`],
];

export const INVENTORY_FIELDS: FreeTextField[] = [
  ['decommissionIdentity.reason', (v, f) => `decommissionIdentity(id: "${f.bulkSystem}", reason: ${v}) { id }`],
  ['identityDecommission.reason', (v, f) => `identityDecommission(input: { id: "${f.bulkSystem}", reason: ${v} }) ${OUTCOME}`],
];

export const FREE_TEXT_FIELDS = [...OWNERSHIP_FIELDS, ...LIFECYCLE_FIELDS, ...EXCEPTIONS_FIELDS, ...INVENTORY_FIELDS];
