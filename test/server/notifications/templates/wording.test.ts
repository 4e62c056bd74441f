import { describe, expect, it } from 'vitest';
import { LANGUAGES, TEMPLATE_NAMES, renderEmail } from '../../../../server/notifications/templates/index.ts';
import { SAMPLES } from './fixtures.ts';

/**
 * The e-mails speak as the portal and the PDFs do (issue 17 point 10): one word for each thing,
 * the article chosen for what follows. Every template, rendered with its sample, in Hungarian.
 */
async function everyHungarianEmail() {
  return Promise.all(TEMPLATE_NAMES.map(async (name) => ({ name, email: await renderEmail(name, 'hu', SAMPLES[name] as never) })));
}

describe('the wording of every e-mail', () => {
  it('names the contract number "Szerződésszám" as the PDFs and widgets do, never "Kötvényszám"', async () => {
    for (const { name, email } of await everyHungarianEmail()) expect(`${email.subject}\n${email.text}`, name).not.toContain('Kötvényszám');
    const claim = await renderEmail('claim_acknowledgement', 'hu', SAMPLES.claim_acknowledgement);
    expect(claim.text).toContain('Szerződésszám: CASCO-2026-000456');
  });

  it('never writes "a(z)", the familiar form or officialese', async () => {
    for (const { name, email } of await everyHungarianEmail()) {
      expect(email.text, name).not.toMatch(/(?<!\p{L})a\(z\)/iu);
      expect(email.text, name).not.toMatch(/(?<!\p{L})(kattints|jelentkezz|add meg|kérlek)(?!\p{L})/iu);
      // Officialese a copywriter strikes: „kerül használatba”, „megfizetésre került”.
      expect(email.text, name).not.toMatch(/(?<!\p{L})(kerül|került)(?!\p{L})/u);
    }
  });

  it('says what happened to whom in the security notices', async () => {
    const ended = await renderEmail('security_notice', 'hu', { ...SAMPLES.security_notice, event: 'sessions_ended' });
    expect(ended.subject).toBe('Kijelentkeztettük a többi eszközén');
    const enabled = await renderEmail('security_notice', 'hu', { ...SAMPLES.security_notice, event: 'two_step_enabled' });
    expect(enabled.subject).toBe('Bekapcsolták a kétlépcsős azonosítást');
    const english = await renderEmail('security_notice', 'en', { ...SAMPLES.security_notice, event: 'sessions_ended' });
    expect(english.subject).toBe('You have been logged out on your other devices');
  });

  it('calls the receipt by its type once, not "the receipt of the payment (Payment receipt)"', async () => {
    for (const lang of LANGUAGES) {
      const receipt = await renderEmail('payment_receipt', lang, SAMPLES.payment_receipt);
      expect(receipt.text).not.toMatch(/befizetésről szóló igazolás/i);
    }
    const hu = await renderEmail('payment_receipt', 'hu', SAMPLES.payment_receipt);
    expect(hu.text).toContain('Az igazolást (Befizetés igazolása) az Ügyfélportál Levelezés menüjébe küldtük');
  });
});
