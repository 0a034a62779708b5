import { z } from 'zod';
import { ConfigError } from './config-error';

/**
 * Parses the environment against a schema whose keys are variable names.
 * Secrets are never echoed back: a problem names the variable and the rule only.
 */
export function loadConfig<Shape extends z.ZodRawShape>(
  service: string,
  shape: Shape,
  source: NodeJS.ProcessEnv = process.env,
): z.output<z.ZodObject<Shape>> {
  const values = Object.fromEntries(Object.keys(shape).map((name) => [name, source[name] === '' ? undefined : source[name]]));
  const result = z.object(shape).safeParse(values);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const message = issue.code === 'invalid_type' && values[name] === undefined ? 'is required but not set' : issue.message;
      return `${name}: ${message}`;
    });
    throw new ConfigError(service, problems);
  }
  return result.data;
}
