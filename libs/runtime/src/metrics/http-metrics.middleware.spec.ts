import type { IncomingMessage } from 'node:http';
import { routeLabel } from './http-metrics.middleware';

const request = (fields: Record<string, unknown>) => fields as unknown as IncomingMessage;

describe('routeLabel', () => {
  it('is the route template a controller matched, never its parameters', () => {
    expect(routeLabel(request({ url: '/ingest/aws-config', route: { path: '/ingest/:source' }, baseUrl: '' }))).toBe('/ingest/:source');
  });

  it("drops a wildcard tail, such as the one Apollo's /graphql is mounted with", () => {
    expect(routeLabel(request({ url: '/graphql', route: { path: '/graphql{/*splat}' }, baseUrl: '' }))).toBe('/graphql');
  });

  it('is the path prefix for what no route matched', () => {
    expect(routeLabel(request({ url: '/graphql', originalUrl: '/graphql?x=1' }))).toBe('/graphql');
  });

  it('folds every unknown path into one label, whatever it carries', () => {
    expect(routeLabel(request({ url: '/ghp_secretlookingtoken/x', originalUrl: '/ghp_secretlookingtoken/x' }))).toBe('/…');
    expect(routeLabel(request({ url: '/reports/unknown/deeper' }))).toBe('/reports/…');
  });
});
