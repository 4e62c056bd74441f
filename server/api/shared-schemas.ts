import { z } from '@hono/zod-openapi';
import { DOCUMENT_TYPE_CODES, type DocumentTypeCode } from '../kernel/document-types.ts';

/** Schema pieces more than one resource declares its routes with. */

/** Every customer route: a browser session or a bearer access token. */
export const SECURITY: Array<Record<string, string[]>> = [{ session: [] }, { bearer: [] }];

const TYPE_CODES = DOCUMENT_TYPE_CODES as [DocumentTypeCode, ...DocumentTypeCode[]];

export const DocumentTypeCodeSchema = z.enum(TYPE_CODES).openapi({ description: 'Document type code.' });
export const LocalizedNameSchema = z.object({ hu: z.string(), en: z.string() }).openapi('LocalizedName');
export const PolicyIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const page = z.coerce.number().int().min(1).max(100_000).optional().openapi({ example: 1 });
export const pageSize = z.coerce.number().int().min(1).max(100).optional().openapi({ example: 20 });
/** A query flag: `true`/`1` or `false`/`0`. */
export const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'));
