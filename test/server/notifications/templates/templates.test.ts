import { describe, expect, it } from 'vitest';
import { LANGUAGES, TEMPLATES, TEMPLATE_NAMES, isTemplateName, renderEmail } from '../../../../server/notifications/templates/index.ts';
import { SAMPLES } from './fixtures.ts';

describe('every notification template', () => {
  it('is registered under its own name', () => {
    expect(TEMPLATE_NAMES).toHaveLength(12);
    for (const name of TEMPLATE_NAMES) expect(TEMPLATES[name].name).toBe(name);
    expect(isTemplateName('document_notification')).toBe(true);
    expect(isTemplateName('toString')).toBe(false);
    expect(isTemplateName('nope')).toBe(false);
    expect(isTemplateName(42)).toBe(false);
  });

  for (const name of TEMPLATE_NAMES) {
    for (const lang of LANGUAGES) {
      it(`${name} renders in ${lang}`, async () => {
        const email = await renderEmail(name, lang, SAMPLES[name] as never);

        expect(email.subject.trim()).not.toBe('');
        expect(email.subject).not.toMatch(/[\r\n]/);

        expect(email.html).toMatch(/^<!doctype html>/i);
        expect(email.html).toMatch(new RegExp(`<html[^>]*\\slang="${lang}"`));
        expect(email.html).not.toContain('%%');
        expect(email.html).not.toMatch(/<mj-/);
        expect(email.html).toContain(`<title>${escape(email.subject)}</title>`);
        // No web fonts, no tracking: nothing loads from a third party when the mail is opened.
        expect(email.html).not.toMatch(/<link\b|<img\b|@import/i);

        expect(email.text.trim().length).toBeGreaterThan(100);
        expect(email.text).not.toContain('%%');
        expect(email.text).not.toMatch(/\{[A-Za-z]+\}|\*\*/);
        expect(email.text).toContain('Gránit Pont Biztosító');
        expect(email.text).toContain('+36 1 555 0100');
      });
    }
  }

  it('differ by language', async () => {
    for (const name of TEMPLATE_NAMES) {
      const hu = await renderEmail(name, 'hu', SAMPLES[name] as never);
      const en = await renderEmail(name, 'en', SAMPLES[name] as never);
      expect(hu.subject).not.toBe(en.subject);
      expect(hu.text).not.toBe(en.text);
      expect(hu.html).toContain('Ügyfélszolgálat');
      expect(en.html).toContain('Customer service');
    }
  });

  it('formats amounts in forints and dates by language in Budapest time', async () => {
    const hu = await renderEmail('payment_receipt', 'hu', SAMPLES.payment_receipt);
    const en = await renderEmail('payment_receipt', 'en', SAMPLES.payment_receipt);
    const nbsp = '\u00a0';
    for (const email of [hu, en]) {
      expect(email.text).toContain(`48${nbsp}250${nbsp}Ft`);
      expect(email.text).toContain('SZ-2026-004411');
      expect(email.text).toContain('SZ-2026-004412');
      expect(email.text).toContain('GP-PAY-20261124-0042');
      expect(email.html).toContain('SZ-2026-004412');
    }
    // 10:05 UTC is 11:05 in Budapest in November.
    expect(hu.text).toContain('2026. november 24. 11:05');
    expect(en.text).toContain('24 November 2026 at 11:05');
  });

  it('leaves out an optional button when its link is not given', async () => {
    const withLink = await renderEmail('email_changed_notice', 'en', SAMPLES.email_changed_notice);
    const without = await renderEmail('email_changed_notice', 'en', { ...SAMPLES.email_changed_notice, cancelUrl: null });
    expect(withLink.html).toContain('cancel the change');
    expect(withLink.html).toContain('href="https://ugyfelportal.granitpont.example/email/modositas/visszavonas?token=jkl012"');
    expect(without.html).not.toContain('cancel the change');
    expect(without.text).not.toContain('cancel the change');
    expect(without.html).not.toContain('%%');
    // The new address is shown masked only.
    expect(withLink.html).not.toContain('kovacs.anna@example.com');
    expect(withLink.html).toContain('k•••••@example.com');
  });

  it('refuses incomplete or malformed data', async () => {
    await expect(renderEmail('verify_email', 'hu', { verifyUrl: 'https://x.example/v' } as never)).rejects.toMatchObject({ code: 'ETEMPLATEDATA' });
    await expect(renderEmail('verify_email', 'hu', { ...SAMPLES.verify_email, expiresAt: 'tomorrow' })).rejects.toMatchObject({ field: 'expiresAt' });
    await expect(renderEmail('payment_receipt', 'hu', { ...SAMPLES.payment_receipt, invoices: [] })).rejects.toMatchObject({ field: 'invoices' });
    await expect(renderEmail('payment_receipt', 'hu', { ...SAMPLES.payment_receipt, amount: Number.NaN })).rejects.toMatchObject({ field: 'amount' });
    await expect(renderEmail('verify_email', 'de' as never, SAMPLES.verify_email)).rejects.toMatchObject({ field: 'language' });
    await expect(renderEmail('nope' as never, 'hu', {} as never)).rejects.toThrow(/unknown template/);
  });
});

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
