import { hasValidGithubChecksum } from '../github-checksum';
import { patternRule, SecretRule } from './rule';

const GITHUB_CLASSIC = /\b(gh[pousr])_([A-Za-z0-9]{36})\b/g;

/**
 * Classic GitHub tokens end in a CRC32 of their random part. A valid checksum means a real,
 * probably live token; a bad one is still refused (a mistyped or cut token is still a secret),
 * but said apart so whoever reads the rejection knows which case it is.
 */
const githubClassic: SecretRule = {
  looksLike: 'a GitHub token',
  hints: ['gh'],
  match(text: string): string | null {
    GITHUB_CLASSIC.lastIndex = 0;
    let seen: string | null = null;
    for (let found = GITHUB_CLASSIC.exec(text); found; found = GITHUB_CLASSIC.exec(text)) {
      if (hasValidGithubChecksum(found[2] ?? '')) return 'a GitHub token';
      seen = 'a GitHub token (its checksum does not match)';
    }
    return seen;
  },
};

export const SOURCE_CONTROL_RULES: readonly SecretRule[] = [
  githubClassic,
  patternRule('a GitHub token', ['github_pat_'], /\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b/),
  patternRule('a GitLab token', ['gl'], /\bgl(?:pat|dt|ptt|rt|cbt|imt|soat|ffct|oas|ft|agent)-[A-Za-z0-9_-]{20,}/),
  patternRule('a GitLab runner registration token', ['gr1348941'], /\bGR1348941[A-Za-z0-9_-]{20,}/),
  patternRule('an npm token', ['npm_'], /\bnpm_[A-Za-z0-9]{36}\b/),
  patternRule('a PyPI token', ['pypi-'], /\bpypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}/),
  patternRule('a Hugging Face token', ['hf_'], /\bhf_[A-Za-z0-9]{34}\b/),
  patternRule('an Atlassian API token', ['att3'], /\bAT[AC]TT3[A-Za-z0-9_=-]{100,}/),
  patternRule('a Linear API key', ['lin_'], /\blin_(?:api_[A-Za-z0-9]{40}|oauth_[a-f0-9]{64})\b/),
  patternRule('a Postman API key', ['pmak-'], /\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b/),
];
