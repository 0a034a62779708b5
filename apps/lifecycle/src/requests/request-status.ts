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
  valuesMap: {
    REQUESTED: { description: 'Asked of the integrator, no result yet; TIMED_OUT once its deadline passes without one.' },
    COMPLETED: { description: 'The integrator reported success.' },
    FAILED: { description: 'The integrator reported a failure (see error).' },
    TIMED_OUT: { description: 'No result came by the deadline.' },
  },
});
