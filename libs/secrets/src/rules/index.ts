import { CLOUD_RULES } from './cloud-rules';
import { KEYWORD_RULES } from './keyword-rules';
import { PRIVATE_KEY_RULES } from './private-key-rules';
import { SAAS_RULES } from './saas-rules';
import { SecretRule } from './rule';
import { SOURCE_CONTROL_RULES } from './source-control-rules';

/** Most specific first: a provider's name beats "a secret assignment" for the same value. */
export const SECRET_RULES: readonly SecretRule[] = [
  ...PRIVATE_KEY_RULES,
  ...SOURCE_CONTROL_RULES,
  ...CLOUD_RULES,
  ...SAAS_RULES,
  ...KEYWORD_RULES,
];

export type { SecretRule } from './rule';
