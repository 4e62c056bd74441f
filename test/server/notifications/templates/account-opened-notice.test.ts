import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../../server/notifications/templates/index.ts';
import { SAMPLES } from './fixtures.ts';

describe('account_opened_notice', () => {
  it('puts „a” or „az” before the customer number as it is read aloud, never "a(z)"', async () => {
    const tenMillion = await renderEmail('account_opened_notice', 'hu', SAMPLES.account_opened_notice);
    expect(tenMillion.text).toContain('Ügyfélportál-fiók nyílt a 10204460 ügyfélszámhoz');
    expect(tenMillion.html).toMatch(/nyílt a <strong>10204460<\/strong> ügyfélszámhoz/);
    const fiftyMillion = await renderEmail('account_opened_notice', 'hu', { ...SAMPLES.account_opened_notice, customerNumber: '50311582' });
    expect(fiftyMillion.text).toContain('Ügyfélportál-fiók nyílt az 50311582 ügyfélszámhoz');
    const english = await renderEmail('account_opened_notice', 'en', SAMPLES.account_opened_notice);
    expect(english.text).toContain('for customer number 10204460');
    for (const email of [tenMillion, fiftyMillion, english]) expect(email.text).not.toMatch(/\ba\(z\)/i);
  });
});
