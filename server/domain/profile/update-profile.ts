import { QueryTypes } from 'sequelize';
import { DomainError } from '../../kernel/domain-error.ts';
import type { PostalAddress } from '../../kernel/insured-object.ts';
import { recordMailboxAudit } from '../mailbox/mailbox-audit.ts';
import { nowOf, type CustomerActor, type DomainContext } from '../../kernel/context.ts';
import { parsePostalAddress, sameAddress } from '../policies/correspondence-address.ts';
import { Problems } from '../../kernel/problems.ts';
import { getProfile } from './get-profile.ts';
import { normalizeHungarianPhone } from './phone.ts';
import type { ProfileView } from './profile-view.ts';
import type { Language } from '../../../common/language.ts';

/**
 * The customer changes their own contact data: phone (a Hungarian number, normalised; null
 * removes it), correspondence address (postcode, city, address line; null: letters go to the
 * home address) and language (hu/en). Changing the e-mail address is not done here: it is the
 * login name and needs a verification round trip.
 *
 * Every bad field is reported at once (`invalid_profile_change`, 422) and nothing is written.
 * Values equal to the stored ones are no change; a real change updates the row and writes one
 * `profile.changed` audit event naming the changed fields, never their values.
 */
export interface ProfileChangeInput {
  phone?: string | null;
  correspondenceAddress?: PostalAddress | null;
  language?: Language | string;
}

export interface UpdateProfileArgs extends CustomerActor {
  changes: ProfileChangeInput;
}

export interface UpdateProfileResult {
  profile: ProfileView;
  changed: Array<'phone' | 'correspondenceAddress' | 'language'>;
}

const ERROR = 'invalid_profile_change';

export async function updateProfile(ctx: DomainContext, args: UpdateProfileArgs): Promise<UpdateProfileResult> {
  const { changes } = args;
  const problems = new Problems();
  const wanted: { phone?: string | null; correspondenceAddress?: PostalAddress | null; language?: Language } = {};

  if (changes.phone !== undefined) {
    if (changes.phone === null || (typeof changes.phone === 'string' && changes.phone.trim() === '')) wanted.phone = null;
    else if (typeof changes.phone !== 'string' || changes.phone.length > 40)
      problems.add(ERROR, 'phone', 'invalid_phone', 'A Hungarian phone number: +36 and 8 or 9 digits.');
    else {
      const phone = normalizeHungarianPhone(changes.phone);
      if (phone) wanted.phone = phone;
      else problems.add(ERROR, 'phone', 'invalid_phone', 'A Hungarian phone number: +36 and 8 or 9 digits.');
    }
  }
  if (changes.correspondenceAddress !== undefined) {
    if (changes.correspondenceAddress === null) wanted.correspondenceAddress = null;
    else {
      const address = parsePostalAddress(changes.correspondenceAddress, problems, ERROR, 'correspondenceAddress');
      if (address) wanted.correspondenceAddress = address;
    }
  }
  if (changes.language !== undefined) {
    if (changes.language === 'hu' || changes.language === 'en') wanted.language = changes.language;
    else problems.add(ERROR, 'language', 'invalid_language', 'The language is hu or en.');
  }
  problems.throwIfAny('Invalid profile change.');
  if (Object.keys(wanted).length === 0) {
    throw DomainError.invalid('empty_profile_change', 'Nothing to change: send phone, correspondenceAddress or language.');
  }

  const { sequelize } = ctx;
  return sequelize.transaction(async (transaction) => {
    const current = await getProfile(ctx, args, transaction);
    const changed: UpdateProfileResult['changed'] = [];
    if (wanted.phone !== undefined && wanted.phone !== current.phone) changed.push('phone');
    if (wanted.language !== undefined && wanted.language !== current.language) changed.push('language');
    if (wanted.correspondenceAddress !== undefined) {
      const before = current.correspondenceAddress;
      const after = wanted.correspondenceAddress;
      const same = before === null || after === null ? before === after : sameAddress(before, after);
      if (!same) changed.push('correspondenceAddress');
    }
    if (changed.length === 0) return { profile: current, changed };

    await sequelize.query(
      `update customers set
         phone = case when $2::boolean then $3::text else phone end,
         correspondence_address = case when $4::boolean then $5::jsonb else correspondence_address end,
         language = case when $6::boolean then $7::text else language end,
         updated_at = $8
       where id = $1`,
      {
        bind: [
          args.customerId,
          changed.includes('phone'),
          wanted.phone ?? null,
          changed.includes('correspondenceAddress'),
          wanted.correspondenceAddress == null ? null : JSON.stringify(wanted.correspondenceAddress),
          changed.includes('language'),
          wanted.language ?? current.language,
          nowOf(ctx).toISOString(),
        ],
        type: QueryTypes.UPDATE,
        transaction,
      },
    );
    await recordMailboxAudit(sequelize, transaction, args, {
      action: 'profile.changed',
      subjectType: 'customer',
      subjectId: args.customerId,
      metadata: { fields: changed },
    });
    return { profile: await getProfile(ctx, args, transaction), changed };
  });
}
