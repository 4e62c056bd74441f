import { z } from '@hono/zod-openapi';

/** Request and response schemas of the profile (`/api/me`). */
export const PostalAddressSchema = z
  .object({ postcode: z.string().max(10), city: z.string().max(200), addressLine: z.string().max(400) })
  .openapi('PostalAddress');
export const ProfileSchema = z
  .object({
    name: z.string(),
    customerNumber: z.string(),
    kind: z.enum(['person', 'company']),
    birthDate: z.string().nullable().openapi({ format: 'date', description: 'Persons only.' }),
    taxNumber: z.string().nullable().openapi({ description: 'Companies only.' }),
    address: PostalAddressSchema,
    correspondenceAddress: PostalAddressSchema.nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    language: z.enum(['hu', 'en']),
  })
  .openapi('Profile');
export const ProfilePatchBody = z
  .strictObject({
    phone: z.string().max(40).nullable().optional().openapi({ description: 'A Hungarian number (+36…); null removes it.', example: '+36 30 123 4567' }),
    correspondenceAddress: z
      .strictObject({ postcode: z.string().max(10), city: z.string().max(200), addressLine: z.string().max(400) })
      .nullable()
      .optional()
      .openapi({ description: 'Null: letters go to the home address.' }),
    language: z.enum(['hu', 'en']).optional(),
  })
  .openapi('ProfilePatch', { description: 'The e-mail address (the login name) is not changed here.' });
export const ProfileChangedSchema = z
  .object({ profile: ProfileSchema, changed: z.array(z.enum(['phone', 'correspondenceAddress', 'language'])) })
  .openapi('ProfileChanged');
