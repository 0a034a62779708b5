/**
 * Every GraphQL resolver must carry an authorisation decision: a decorator
 * from @nhi/auth (Access, CanRead, CanAudit, SecurityAdminOnly,
 * OwnerOrSecurityAdmin) on the method or on its class. The AccessGuard refuses
 * undecided resolvers at run time; this rule catches them before they ship.
 */
const RESOLVER_DECORATORS = new Set(['Query', 'Mutation', 'Subscription', 'ResolveField', 'ResolveReference']);
const ACCESS_DECORATORS = new Set(['Access', 'CanRead', 'CanAudit', 'SecurityAdminOnly', 'OwnerOrSecurityAdmin']);

function decoratorName(decorator) {
  const expression = decorator.expression.type === 'CallExpression' ? decorator.expression.callee : decorator.expression;
  return expression.type === 'Identifier' ? expression.name : null;
}

function has(node, names) {
  return (node.decorators ?? []).some((decorator) => names.has(decoratorName(decorator)));
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'GraphQL resolvers must declare who may call them' },
    messages: {
      missing:
        '{{kind}} resolver "{{name}}" has no authorisation decision: add @CanRead(), @CanAudit(), @SecurityAdminOnly(...), @OwnerOrSecurityAdmin(...) or @Access(...) from @nhi/auth to it or to its class',
    },
    schema: [],
  },
  create(context) {
    return {
      MethodDefinition(node) {
        const resolver = (node.decorators ?? []).find((decorator) => RESOLVER_DECORATORS.has(decoratorName(decorator)));
        if (!resolver) return;
        const owner = node.parent.parent;
        if (has(node, ACCESS_DECORATORS) || has(owner, ACCESS_DECORATORS)) return;
        context.report({
          node: node.key,
          messageId: 'missing',
          data: { kind: decoratorName(resolver), name: `${owner.id?.name ?? 'anonymous'}.${node.key.name ?? '?'}` },
        });
      },
    };
  },
};
