import { badCharacters } from './text-checks';

describe('badCharacters', () => {
  it.each([
    ['a\u0000b', /NUL/],
    ['a\u0007b', /control character/],
    ['a\u007Fb', /control character/],
    ['paymen\u202Etxt.exe', /bidirectional/],
    ['x\u2066y\u2069', /bidirectional/],
  ])('refuses %j', (value, reason) => {
    expect(badCharacters(value, 'name')).toMatch(reason);
  });

  it.each(['payments batch', 'tab\there', 'line\nbreak', 'مدفوعات', 'zürich-ü'])('allows %j', (value) => {
    expect(badCharacters(value, 'name')).toBeNull();
  });
});
