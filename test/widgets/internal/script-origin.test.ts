import { describe, it } from '../mocha.ts';
import { expect } from '@open-wc/testing';
import { normalizeApiBase, scriptOrigin } from '../../../widgets/internal/script-origin.ts';

describe('normalizeApiBase', () => {
  it('takes a bare origin to mean its /api', () => {
    expect(normalizeApiBase('https://portal.example')).to.equal('https://portal.example/api');
    expect(normalizeApiBase('https://portal.example/')).to.equal('https://portal.example/api');
  });

  it('keeps an explicit path without its trailing slashes, and drops query and fragment', () => {
    expect(normalizeApiBase('https://portal.example/insurer/api//?x=1#y')).to.equal('https://portal.example/insurer/api');
  });

  it('resolves a relative value against the page', () => {
    expect(normalizeApiBase('/api')).to.equal(`${location.origin}/api`);
  });

  it("falls back to /api on the script's origin when empty or unparsable", () => {
    expect(normalizeApiBase('')).to.equal(`${scriptOrigin}/api`);
    expect(normalizeApiBase(undefined)).to.equal(`${scriptOrigin}/api`);
    expect(normalizeApiBase('http://[bad')).to.equal(`${scriptOrigin}/api`);
  });
});
