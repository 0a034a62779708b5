import { registerEnumType } from '@nestjs/graphql';

export type RequestStatus = 'REQUESTED' | 'COMPLETED' | 'FAILED' | 'TIMED_OUT';
export const RequestStatus: { [K in RequestStatus]: K } = {
  REQUESTED: 'REQUESTED',
  COMPLETED: 'COMPLETED',
  FAILED: 'FAILED',
  TIMED_OUT: 'TIMED_OUT',
};

registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  description: 'Progress of a rotation or revocation handshake with an integrator.',
});
