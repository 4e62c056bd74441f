import { z } from '@hono/zod-openapi';

/** The problem document (RFC 9457) every error response of the API is, as the OpenAPI document shows it. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ description: 'Stable: clients (and the widgets\u2019 translations) key on it' }),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** A response entry for `createRoute({ responses })`: `404: problem('policy_not_found')`. */
export const problem = (description: string) => ({ description, content: problemContent });
