import { databaseName, maintenanceUrl } from './ensure-database';

describe('database URLs', () => {
  it('points at the maintenance database of the same server', () => {
    expect(maintenanceUrl('postgres://postgres@127.0.0.1:5432/nhi_inventory?sslmode=disable')).toBe(
      'postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable',
    );
  });

  it('refuses a database name that could inject SQL', () => {
    expect(() => databaseName('postgres://127.0.0.1/x";DROP DATABASE y;--')).toThrow(/not a plain PostgreSQL identifier/);
    expect(databaseName('postgres://127.0.0.1/nhi_test-1')).toBe('nhi_test-1');
  });
});
