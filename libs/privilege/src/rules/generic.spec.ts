import type { PermissionStatement } from '../statement';
import { genericEverything, genericRead, genericUnknownAction } from './generic';

const allow = (actions: string[]): PermissionStatement => ({ effect: 'Allow', actions, via: 'agent registry' });

describe('rules for providers without their own', () => {
  it('rates * on * ADMIN', () => {
    expect(genericEverything.judge([allow(['*'])])).toHaveLength(1);
  });

  it('reads whole words, never substrings', () => {
    expect(genericRead.judge([allow(['tickets:read', 'read:tickets', 'kb:search'])])).toHaveLength(1);
    expect(genericRead.judge([allow(['spreadsheet:edit', 'thread:create'])])).toEqual([]);
    expect(genericUnknownAction.judge([allow(['spreadsheet:edit', 'thread:create'])])[0].evidence).toBe(
      'spreadsheet:edit, thread:create allowed on * via agent registry',
    );
  });
});
