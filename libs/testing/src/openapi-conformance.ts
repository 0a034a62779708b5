import type { INestApplication } from '@nestjs/common';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';

/** The parts of an OpenAPI 3.1 document these checks read. */
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The document's errors as an OpenAPI 3.1 document (empty when it is one), by a maintained validator of the spec's own schema. */
export async function openApi31Errors(document: object): Promise<string[]> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
  if (validator.version !== '3.1') return [`expected an OpenAPI 3.1 document, found version ${String(validator.version)}`];
  if (result.valid) return [];
  const errors = Array.isArray(result.errors) ? result.errors : [result.errors];
  return errors.map((error) => JSON.stringify(error));
}

/** Every operation a document describes, as `METHOD /path/{template}`. */
export function describedOperations(document: object): string[] {
  const { paths } = document as OpenApiDocument;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => METHODS.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

interface ExpressLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every REST route a running Nest app (Express) answers, as `METHOD /path/{template}`:
 * what the code really serves, whatever module added it. The GraphQL endpoint
 * is middleware, not a route, and is not listed; nor is the framework's
 * catch-all (a wildcard path), which only answers 404 for routes that do not exist.
 */
export function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack.flatMap(({ route }) => {
    if (!route) return [];
    const paths = (Array.isArray(route.path) ? route.path : [route.path]).filter((path) => !path.includes('*'));
    return paths.flatMap((path) =>
      Object.keys(route.methods)
        .filter((method) => route.methods[method] && method !== '_all')
        .map((method) => `${method.toUpperCase()} ${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`),
    );
  });
}

/** A response as a test saw it. */
export interface SeenResponse {
  status: number;
  contentType: string | null;
  body: string;
}

export async function seen(response: Response): Promise<SeenResponse> {
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

/**
 * Checks real responses against what a document says an operation answers:
 * the status is described, the content type is one it lists, and the body
 * matches that content's schema (JSON Schema 2020-12, OpenAPI 3.1's dialect).
 */
export class OpenApiResponses {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: object) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as Record<string, unknown>, 'openapi');
  }

  /** What is wrong with a response to `method path`; empty when it conforms. */
  problems(method: string, path: string, response: SeenResponse): string[] {
    const operation = (this.document as OpenApiDocument).paths[path]?.[method.toLowerCase()];
    if (!operation) return [`the document describes no ${method.toUpperCase()} ${path}`];
    const described = operation.responses?.[String(response.status)] ?? operation.responses?.['default'];
    if (!described) return [`${method.toUpperCase()} ${path} answered ${response.status}, which the document does not describe`];
    const mediaType = (response.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const content = described.content ?? {};
    if (!(mediaType in content)) {
      return [
        `${method.toUpperCase()} ${path} ${response.status} answered ${mediaType || 'no content type'}; the document lists ${Object.keys(content).join(', ') || 'none'}`,
      ];
    }
    if (!content[mediaType]?.schema) return [];
    const validate = this.validator(
      `#/paths/${pointer(path)}/${method.toLowerCase()}/responses/${String(response.status) in (operation.responses ?? {}) ? response.status : 'default'}/content/${pointer(mediaType)}/schema`,
    );
    const body = mediaType.endsWith('json') ? (JSON.parse(response.body) as unknown) : response.body;
    return validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  }

  private validator(ref: string): ValidateFunction {
    const known = this.validators.get(ref);
    if (known) return known;
    const compiled = this.ajv.compile({ $ref: `openapi${ref}` });
    this.validators.set(ref, compiled);
    return compiled;
  }
}

/** A JSON Pointer segment (RFC 6901). */
function pointer(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}
