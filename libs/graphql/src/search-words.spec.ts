import { searchWords } from './search-words';

describe('searchWords', () => {
  it('lower-cases the words and splits them on any whitespace', () => {
    expect(searchWords('  Ledger\tWRITER\nprod ')).toEqual(['ledger', 'writer', 'prod']);
  });

  it('keeps what LIKE would read as wildcards as they are', () => {
    expect(searchWords('50%_off')).toEqual(['50%_off']);
  });

  it('has no words for an absent or blank search', () => {
    expect(searchWords(null)).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
    expect(searchWords(' \t ')).toEqual([]);
  });
});
