import { describe, it } from '../../mocha.ts';
import { expect } from '@open-wc/testing';
import { checkDraft, draftOf, normalizeEmail, normalizePhone, patchOf } from '../../../../widgets/components/profile/profile-rules.ts';
import { PERSON as profile } from './fixtures.ts';

describe('profile rules', () => {
  it('normalises Hungarian phone numbers like the API', () => {
    expect(normalizePhone('+36 30 412 5567')).to.equal('+36 30 412 5567');
    expect(normalizePhone('06-30/412-5567')).to.equal('+36 30 412 5567');
    expect(normalizePhone('0036 1 234 5678')).to.equal('+36 1 234 5678');
    expect(normalizePhone('+36 22 123 456')).to.equal('+36 22 123 456');
    expect(normalizePhone('+36 30 412 556')).to.equal(null); // mobile needs seven digits
    expect(normalizePhone('+36 22 123 4567')).to.equal(null); // other areas six
    expect(normalizePhone('+36 1 234 567')).to.equal(null);
    expect(normalizePhone('+36 09 123 4567')).to.equal(null); // no area code under 20 but 1
    expect(normalizePhone('+44 20 7946 0958')).to.equal(null);
  });

  it('normalises e-mail addresses like the API', () => {
    expect(normalizeEmail(' Uj.Cim@Example.org ')).to.equal('uj.cim@example.org');
    expect(normalizeEmail('nem-email')).to.equal(null);
    expect(normalizeEmail('a..b@example.org')).to.equal(null);
    expect(normalizeEmail('a@example.o')).to.equal(null);
    expect(normalizeEmail(`${'a'.repeat(250)}@x.hu`)).to.equal(null);
  });

  it('refuses a bad phone and a bad correspondence address with the API codes', () => {
    const draft = { ...draftOf(profile), phone: '123', separate: true, postcode: '0123', city: '12', addressLine: 'ab' };
    expect(checkDraft(draft)).to.deep.equal({
      phone: 'invalid_phone',
      'correspondenceAddress.postcode': 'invalid_postcode',
      'correspondenceAddress.city': 'invalid_city',
      'correspondenceAddress.addressLine': 'too_short',
    });
    expect(checkDraft({ ...draft, phone: '', postcode: '', city: '', addressLine: '' })).to.deep.equal({
      'correspondenceAddress.postcode': 'required',
      'correspondenceAddress.city': 'required',
      'correspondenceAddress.addressLine': 'required',
    });
    // The address is not checked when letters go to the home address.
    expect(checkDraft({ ...draft, phone: '06 30 412 5567', separate: false })).to.deep.equal({});
  });

  it('sends only what changed', () => {
    const draft = draftOf(profile);
    expect(patchOf(profile, draft)).to.deep.equal({});
    // The same number typed differently is no change.
    expect(patchOf(profile, { ...draft, phone: '06304125567' })).to.deep.equal({});
    expect(patchOf(profile, { ...draft, phone: ' ' })).to.deep.equal({ phone: null });
    expect(patchOf(profile, { ...draft, language: 'en' })).to.deep.equal({ language: 'en' });
    expect(patchOf(profile, { ...draft, separate: true, postcode: ' 6720 ', city: ' Szeged ', addressLine: 'Kárász  utca 10.' })).to.deep.equal({
      correspondenceAddress: { postcode: '6720', city: 'Szeged', addressLine: 'Kárász utca 10.' },
    });
    const withAddress = { ...profile, correspondenceAddress: { postcode: '6720', city: 'Szeged', addressLine: 'Kárász utca 10.' } };
    expect(patchOf(withAddress, { ...draftOf(withAddress), city: 'SZEGED' })).to.deep.equal({});
    expect(patchOf(withAddress, { ...draftOf(withAddress), separate: false })).to.deep.equal({ correspondenceAddress: null });
  });
});
