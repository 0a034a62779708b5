/** The media type without parameters, lower-cased: `Application/JSON; charset=utf-8` is `application/json`. */
export function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0].trim().toLowerCase() || undefined;
}

/** JSON data: `application/json`, `text/json` or any `+json` suffix, per the CloudEvents JSON format. */
export function isJsonMediaType(type: string | undefined): boolean {
  return type === 'application/json' || type === 'text/json' || (type?.endsWith('+json') ?? false);
}

/** The structured-mode content type of the JSON event format. */
export const CLOUDEVENTS_JSON = 'application/cloudevents+json';
