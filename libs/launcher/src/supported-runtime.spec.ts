import { requireSupportedNode } from './supported-runtime';

describe('requireSupportedNode', () => {
  it('goes on under Node 24 and says which one', () => {
    const lines: string[] = [];
    requireSupportedNode((line) => lines.push(line), '24.21.0');
    expect(lines).toEqual(['node       24.21.0']);
  });

  it('refuses Node 20 and says how to get the project’s Node', () => {
    expect(() => requireSupportedNode(() => undefined, '20.20.2')).toThrow(
      /Node\.js 24 LTS is required, this is 20\.20\.2: run through npm/,
    );
  });
});
