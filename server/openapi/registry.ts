/**
 * The API's self-description: each route registers what it takes and answers, as the same zod
 * schemas it validates with, and /openapi.json is generated from that list (OpenAPI 3.1).
 */
import { z } from 'zod';
import { ROLES, ROLE_LABELS, can, type Permission } from '../../lib/roles';
import { problemSchema } from '../../lib/schemas';

export type Auth = 'admin' | 'advocate' | 'scim' | 'none';

/** SCIM answers (RFC 7644): their own media type, and errors as SCIM Error messages, not problem+json. */
const scimErrorSchema = z.object({
  schemas: z.array(z.literal('urn:ietf:params:scim:api:messages:2.0:Error')),
  status: z.string().describe('the HTTP status, as a string'),
  scimType: z.string().optional().describe('RFC 7644 §3.12 detail keyword, e.g. invalidFilter, uniqueness'),
  detail: z.string(),
});

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style path, e.g. /v1/admin/content/{id}. */
  path: string;
  summary: string;
  tag: string;
  auth: Auth;
  body?: z.ZodType;
  /** A request body the handler reads itself (SCIM's own media type and errors): documented only. */
  documentedBody?: z.ZodType;
  /** A binary body the handler reads itself (an image upload): the media types it takes, documented only. */
  uploadTypes?: readonly string[];
  query?: z.ZodObject;
  /** Admin routes: the permission the admin's role needs (lib/roles.ts); undefined: owners only. */
  permission?: Permission;
  responses: Record<number, { description: string; schema?: z.ZodType; headers?: string[] }>;
}

export class ApiRegistry {
  private readonly routes: RouteDoc[] = [];

  add(doc: RouteDoc): void {
    this.routes.push(doc);
  }

  list(): readonly RouteDoc[] {
    return this.routes;
  }

  document(info: { version: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.routes) {
      paths[route.path] ??= {};
      paths[route.path]![route.method] = operation(route);
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Relay API',
        version: info.version,
        description: 'Employee advocacy: content for advocates, enrolment, sync, shares and tracked links.',
      },
      paths,
      components: {
        securitySchemes: {
          adminBearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'Admin session token from POST /v1/admin/session',
          },
          adminCookie: { type: 'apiKey', in: 'cookie', name: 'relay_admin' },
          advocateBearer: { type: 'http', scheme: 'bearer', description: 'Advocate token from POST /v1/enroll' },
          scimBearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'SCIM provisioning token from POST /v1/admin/scim-tokens (works for /scim/v2 only)',
          },
        },
        schemas: { Problem: jsonSchema(problemSchema, 'output'), ScimError: jsonSchema(scimErrorSchema, 'output') },
      },
    };
  }
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** Who may call an admin route: its permission and the roles that have it, for the contract. */
function whoMayCall(permission: Permission | undefined): Record<string, unknown> {
  const roles = ROLES.filter((role) => (permission ? can(role, permission) : role === 'owner'));
  const labels = roles.map((role) => ROLE_LABELS[role].toLowerCase() + 's');
  return {
    description: `Needs the ${permission ?? 'owner'} permission: ${labels.join(', ')}. Other roles get 403 …/forbidden-role.`,
    'x-relay-permission': permission ?? 'owner',
    'x-relay-roles': roles,
  };
}

function operation(route: RouteDoc): Record<string, unknown> {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const queryParams = route.query
    ? Object.entries(route.query.shape).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(schema as z.ZodType, 'input'),
      }))
    : [];
  const responses: Record<string, unknown> = {};
  const scim = route.auth === 'scim';
  const requestBody = route.body ?? route.documentedBody;
  for (const [status, response] of Object.entries(route.responses)) {
    const isProblem = Number(status) >= 400;
    const schema = response.schema
      ? jsonSchema(response.schema, 'output')
      : isProblem
        ? { $ref: `#/components/schemas/${scim ? 'ScimError' : 'Problem'}` }
        : undefined;
    const mediaType = scim ? 'application/scim+json' : isProblem ? 'application/problem+json' : 'application/json';
    responses[status] = {
      description: response.description,
      ...(response.headers
        ? { headers: Object.fromEntries(response.headers.map((name) => [name, { schema: { type: 'string' } }])) }
        : {}),
      ...(schema ? { content: { [mediaType]: { schema } } } : {}),
    };
  }
  const security =
    route.auth === 'admin'
      ? [{ adminBearer: [] }, { adminCookie: [] }]
      : route.auth === 'advocate'
        ? [{ advocateBearer: [] }]
        : scim
          ? [{ scimBearer: [] }]
          : [];
  return {
    summary: route.summary,
    ...(route.auth === 'admin' ? whoMayCall(route.permission) : {}),
    tags: [route.tag],
    operationId: `${route.method}${route.path
      .replace(/[{}]/g, '')
      .replace(/\/(\w)/g, (_m, ch: string) => ch.toUpperCase())
      .replace(/\W/g, '')}`,
    ...(route.auth === 'none' ? {} : { security }),
    parameters: [...pathParams, ...queryParams],
    ...(route.uploadTypes
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              route.uploadTypes.map((type) => [
                type,
                {
                  schema:
                    type === 'multipart/form-data'
                      ? { type: 'object', properties: { file: { type: 'string', format: 'binary' } } }
                      : { type: 'string', format: 'binary' },
                },
              ]),
            ),
          },
        }
      : {}),
    ...(requestBody
      ? {
          requestBody: {
            required: true,
            content: {
              [scim ? 'application/scim+json' : 'application/json']: { schema: jsonSchema(requestBody, 'input') },
            },
          },
        }
      : {}),
    responses,
  };
}
