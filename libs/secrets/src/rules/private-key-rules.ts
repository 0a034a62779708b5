import { patternRule, SecretRule } from './rule';

/** Key material in its armoured forms; the header alone is enough, as a truncated key is still a leak. */
export const PRIVATE_KEY_RULES: readonly SecretRule[] = [
  // A service-account key file carries its PEM key in "private_key"; name the file, not just the PEM.
  // Quotes may come escaped (the file pasted into a JSON string).
  patternRule('a Google service-account key (JSON)', ['private_key'], /\\?"private_key\\?"[ \t]{0,5}:[ \t]{0,5}\\?"-----BEGIN/),
  patternRule(
    'a Google service-account key (JSON)',
    ['service_account'],
    /\\?"private_key_id\\?"[ \t]{0,5}:[ \t]{0,5}\\?"[0-9a-f]{40}\\?"/,
  ),
  patternRule('an OpenSSH private key', ['openssh private key'], /-----BEGIN OPENSSH PRIVATE KEY-----/),
  patternRule('a PGP private key', ['pgp private key'], /-----BEGIN PGP PRIVATE KEY BLOCK-----/),
  patternRule('a PEM private key', ['private key'], /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/),
  patternRule('a PuTTY private key', ['putty-user-key-file-'], /PuTTY-User-Key-File-\d: /),
  patternRule('an age secret key', ['age-secret-key-1'], /\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}\b/),
];
