// Enums more than one subgraph uses, defined once so that every subgraph declares them identically (Federation 2 merges them).
export * from './identity-enums';
export * from './lifecycle-state';
export * from './ownership-status';
export * from './order-direction';
