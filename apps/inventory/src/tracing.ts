import { startTracing } from '@nhi/tracing';

// main.ts imports this first: the instrumentations patch express, graphql and pg as they are first required.
startTracing('inventory');
