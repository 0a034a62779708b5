/** What every result names; the completed data of each handshake adds its own fields. */
export interface ResultData {
  requestId: string;
  nhiId: string;
}

/** An integrator's answer to one attempt, as its results topic carries it. */
export type HandshakeResult<Completed extends ResultData> = { source: string } & (
  { outcome: 'completed'; data: Completed } | { outcome: 'failed'; data: ResultData & { error: string } }
);
