/** What every result names; the completed data of each handshake adds its own fields. */
export interface ResultData {
  requestId: string;
  nhiId: string;
}

/** An integrator's answer to one attempt, as its results topic carries it. */
export type HandshakeResult<Completed extends ResultData> = { source: string } & (
  { outcome: 'completed'; data: Completed } | { outcome: 'failed'; data: ResultData & { error: string } }
);

/** An integrator's `<handshake>.completed` or `.failed` event, as the handshake applies it. */
export function handshakeResultOf<C extends ResultData>(event: { type: string; source: string; data: unknown }): HandshakeResult<C> {
  return event.type.endsWith('.completed')
    ? { source: event.source, outcome: 'completed', data: event.data as C }
    : { source: event.source, outcome: 'failed', data: event.data as ResultData & { error: string } };
}
