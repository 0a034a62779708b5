import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
// The rule is CommonJS so that both ESLint's config and jest load it.
const rule = require('./resolver-authorisation.cjs');

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('resolver-authorisation', rule, {
  valid: [
    { code: '@CanRead() @Resolver() class R { @Query(() => X) x() {} @ResolveField() y() {} }' },
    { code: "@Resolver() class R { @SecurityAdminOnly('deleting') @Mutation(() => X) del() {} }" },
    { code: "@CanRead() @Resolver() class R { @OwnerOrSecurityAdmin('rotate') @Mutation(() => X) rotate() {} }" },
    { code: 'class Plain { helper() {} }' },
  ],
  invalid: [
    {
      code: '@Resolver() class R { @Mutation(() => X) deleteEverything() {} }',
      errors: [{ messageId: 'missing', data: { kind: 'Mutation', name: 'R.deleteEverything' } }],
    },
    {
      code: '@Resolver() class R { @ResolveReference() resolveReference() {} @Query(() => X) x() {} }',
      errors: [{ messageId: 'missing' }, { messageId: 'missing' }],
    },
  ],
});
