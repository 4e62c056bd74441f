import '../support/languages.ts';
import { describe, it } from '../mocha.ts';
import { expect } from '@open-wc/testing';
import { toLang } from '../../../widgets/i18n/lang.ts';
import { termKeys, translate } from '../../../widgets/i18n/translate.ts';

describe('translate', () => {
  it('has the same keys in English as in Hungarian', () => {
    expect(termKeys('en')).to.have.members(termKeys('hu'));
    expect(termKeys('hu').length).to.be.greaterThan(0);
  });

  it('has a non-empty string for every key', () => {
    for (const lang of ['hu', 'en'] as const) {
      for (const key of termKeys(lang)) {
        const value = translate(lang, key as never, 'X' as never);
        expect(value, `${lang}:${key}`).to.be.a('string').and.not.be.empty;
      }
    }
  });

  it('looks terms up per language and applies arguments', () => {
    expect(translate('hu', 'auth.login')).to.equal('Bejelentkezés');
    expect(translate('en', 'auth.login')).to.equal('Log in');
    expect(translate('en', 'portal.regionLabel', 'Acme')).to.equal('Acme – Customer portal');
  });
});

describe('toLang', () => {
  it('maps BCP 47 tags to supported languages', () => {
    expect(toLang('hu')).to.equal('hu');
    expect(toLang('HU-hu')).to.equal('hu');
    expect(toLang('en-GB')).to.equal('en');
    expect(toLang(' en ')).to.equal('en');
    expect(toLang('de')).to.equal(undefined);
    expect(toLang('')).to.equal(undefined);
    expect(toLang(null)).to.equal(undefined);
  });
});
