import { patternRule, SecretRule } from './rule';

export const SAAS_RULES: readonly SecretRule[] = [
  patternRule('a Slack token', ['xox'], /\bxox[abposre]-[A-Za-z0-9-]{10,}/),
  patternRule('a Slack token', ['xapp-'], /\bxapp-\d-[A-Z0-9]{9,}-\d{6,}-[a-f0-9]{32,}\b/),
  patternRule(
    'a Slack webhook URL',
    ['hooks.slack.com'],
    /hooks\.slack\.com\/(?:services|workflows)\/T[A-Z0-9]{6,}\/[A-Z0-9]{6,}\/[A-Za-z0-9]{20,}/,
  ),
  // Publishable keys (pk_) are public by design; secret (sk_), restricted (rk_) and webhook secrets are not.
  patternRule('a Stripe key', ['_live_', '_test_'], /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/),
  patternRule('a Stripe webhook secret', ['whsec_'], /\bwhsec_[A-Za-z0-9+/]{32,}/),
  patternRule('an Anthropic API key', ['sk-ant-'], /\bsk-ant-(?:api|admin|sid)\d\d-[A-Za-z0-9_-]{80,}/),
  patternRule('an OpenAI API key', ['sk-'], /\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}/),
  // Legacy OpenAI keys carry "T3BlbkFJ" ("OpenAI" in base64) in the middle.
  patternRule('an OpenAI API key', ['t3blbkfj'], /\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b/),
  patternRule('a SendGrid API key', ['sg.'], /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/),
  // A Twilio key SID (SK...) or auth token (32 hex) is only a secret pair next to the word Twilio.
  patternRule('a Twilio credential', ['twilio'], /twilio[^\n]{0,40}?\b(?:SK)?[0-9a-fA-F]{32}\b/i, { contextual: true }),
  patternRule('a Shopify access token', ['shp'], /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/),
  patternRule('a Square access token', ['eaaa'], /\bEAAA[A-Za-z0-9_-]{60}(?![A-Za-z0-9_-])/),
  patternRule('a Square OAuth secret', ['sq0'], /\bsq0(?:csp|atp)-[A-Za-z0-9_-]{22,43}(?![A-Za-z0-9_-])/),
  // Discord bot tokens: the bot's id in base64 (starts M, N or O), a timestamp, an HMAC.
  patternRule(
    'a Discord bot token',
    ['.'],
    /(?<![A-Za-z0-9_-])[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_.-])/,
  ),
  patternRule('a Mailchimp API key', ['-us'], /\b[0-9a-f]{32}-us\d{1,2}\b/),
  patternRule('a New Relic key', ['nr'], /\bNR(?:AK|AA|II|JS)-[A-Z0-9]{27}\b/),
  patternRule('a Grafana token', ['gl'], /\bgl(?:sa_[A-Za-z0-9]{32}_[a-f0-9]{8}|c_[A-Za-z0-9+/]{32,}={0,2})/),
  patternRule('a Notion token', ['ntn_', 'secret_'], /\b(?:ntn_\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})\b/),
  patternRule('a JSON Web Token', ['eyj'], /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/),
];
