import { afterEach, describe, it } from '../../mocha.ts';
import { expect } from '@open-wc/testing';
import { isPopupReturn, RETURN_HASH, returnUrl, STORAGE_KEY, takeRedirectReturn } from '../../../../widgets/components/invoice-pay/payment-flow.ts';

describe('invoice-pay payment flow helpers', () => {
  const clean = location.href.split('#')[0]!;
  afterEach(() => {
    history.replaceState(history.state, '', clean);
    sessionStorage.removeItem(STORAGE_KEY);
  });

  it('returns to this very page, query kept, with the payment fragment instead of any other', () => {
    history.replaceState(history.state, '', `${clean}#something`);
    const url = new URL(returnUrl());
    expect(url.hash).to.equal(RETURN_HASH);
    expect(url.href.split('#')[0]).to.equal(clean);
  });

  it('takes the stored payment id only on a payment return, and cleans the address and the storage', () => {
    sessionStorage.setItem(STORAGE_KEY, 'abc');
    expect(takeRedirectReturn()).to.equal(undefined);
    expect(sessionStorage.getItem(STORAGE_KEY)).to.equal('abc');

    history.replaceState(history.state, '', clean + RETURN_HASH);
    expect(isPopupReturn()).to.equal(false);
    expect(takeRedirectReturn()).to.equal('abc');
    expect(location.href).to.equal(clean);
    expect(sessionStorage.getItem(STORAGE_KEY)).to.equal(null);
    expect(takeRedirectReturn()).to.equal(undefined);
  });
});
