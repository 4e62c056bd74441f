import { describe, it } from '../../mocha.ts';
import { expect } from '@open-wc/testing';
import { changeOf, draftOf, fieldOf, validateDraft } from '../../../../widgets/components/policy-list/policy-change.ts';
import { detail, summary } from './fixtures.ts';

describe('policy change rules', () => {
  const policy = detail(summary(1));

  it('starts from the contract’s current values', () => {
    expect(draftOf(policy)).to.deep.equal({
      paymentFrequency: 'quarterly',
      paymentMethod: 'bank_transfer',
      postcode: '9021',
      city: 'Győr',
      addressLine: 'Baross Gábor út 12.',
    });
  });

  it('sends only the changed fields, and nothing when nothing changed', () => {
    const draft = draftOf(policy);
    expect(changeOf(draft, policy)).to.deep.equal({});
    // Case and spacing differences are the same address, as the API sees it.
    expect(changeOf({ ...draft, city: ' győr ', addressLine: 'Baross  Gábor út 12.' }, policy)).to.deep.equal({});
    expect(changeOf({ ...draft, paymentMethod: 'card' }, policy)).to.deep.equal({ paymentMethod: 'card' });
    expect(changeOf({ ...draft, paymentFrequency: 'annual', postcode: ' 1051 ', city: 'Budapest', addressLine: ' Fő  utca 1. ' }, policy)).to.deep.equal({
      paymentFrequency: 'annual',
      correspondenceAddress: { postcode: '1051', city: 'Budapest', addressLine: 'Fő utca 1.' },
    });
  });

  it('refuses what the API refuses, with its codes', () => {
    const draft = draftOf(policy);
    expect(validateDraft(draft, policy)).to.deep.equal({});
    expect(validateDraft({ ...draft, postcode: '123', city: '', addressLine: 'ab' }, policy)).to.deep.equal({
      postcode: 'invalid_postcode',
      city: 'required',
      addressLine: 'too_short',
    });
    expect(validateDraft({ ...draft, postcode: '0999', city: '1234', addressLine: 'x'.repeat(121) }, policy)).to.deep.equal({
      postcode: 'invalid_postcode',
      city: 'invalid_city',
      addressLine: 'too_long',
    });
    expect(validateDraft({ ...draft, postcode: '  ' }, policy)).to.deep.equal({ postcode: 'required' });
    expect(validateDraft({ ...draft, addressLine: 'Fő utca\u202e 1.' }, policy)).to.deep.equal({ addressLine: 'control_characters' });
    expect(validateDraft({ ...draft, paymentFrequency: 'monthly', paymentMethod: 'postal_cheque' }, policy)).to.deep.equal({
      paymentMethod: 'not_allowed_for_product',
    });
    expect(validateDraft({ ...draft, paymentFrequency: 'semiannual' }, policy)).to.deep.equal({ paymentFrequency: 'not_allowed' });
  });

  it('maps the API’s field names to the form’s', () => {
    expect(fieldOf('correspondenceAddress.postcode')).to.equal('postcode');
    expect(fieldOf('correspondenceAddress')).to.equal('postcode');
    expect(fieldOf('paymentMethod')).to.equal('paymentMethod');
    expect(fieldOf('premium')).to.equal(undefined);
  });
});
