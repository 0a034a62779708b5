/**
 * How a portal should watch one attempt, in the words of the schema. The figures follow the handshake
 * (credential-handshake.ts): an attempt's deadline is its policy's deadlineMinutes (60 by default), a failed
 * or timed-out attempt is retried after ROTATION_RETRY_BASE_MS doubled per attempt (1 min, then 2 min ... by
 * default) up to the policy's maxAttempts (3 by default), and deadlines and retries are checked every
 * LIFECYCLE_TICK_MS (1 s by default).
 */
export function pollingGuidance(noun: 'rotation' | 'revocation'): string {
  return (
    `One attempt of a ${noun}, by its id; null when no ${noun} request has that id. Readable by every reading role, ` +
    `like the requests under NonHumanIdentity.lifecycle. ` +
    `Terminal: COMPLETED, and FAILED or TIMED_OUT with nextAttemptAt null (no attempt left). ` +
    `FAILED or TIMED_OUT with nextAttemptAt set is final for this attempt only: from nextAttemptAt (within about a second) ` +
    `the platform starts the next attempt as a new request with its own id and attempt + 1, and sets retriedAt here; ` +
    `find it under NonHumanIdentity.lifecycle. ` +
    `While REQUESTED, the status changes when the integrator answers (usually seconds) or, failing that, at deadline, ` +
    `when the attempt becomes TIMED_OUT. ` +
    `Polling: every 2 s for the first minute after requestedAt, then back off (double the interval, at most 60 s) ` +
    `until deadline; stop at a terminal status, and do not poll a FAILED or TIMED_OUT attempt before nextAttemptAt.`
  );
}
