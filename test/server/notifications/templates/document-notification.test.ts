import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, DOCUMENT_TYPE_CODES } from '../../../../server/kernel/document-types.ts';
import { LANGUAGES, renderEmail, type DocumentNotificationData } from '../../../../server/notifications/templates/index.ts';
import { SAMPLES } from './fixtures.ts';

const data: DocumentNotificationData = SAMPLES.document_notification;

describe('document_notification', () => {
  it('has the document type name, and nothing else, as its subject', async () => {
    for (const lang of LANGUAGES) {
      for (const documentType of DOCUMENT_TYPE_CODES) {
        const email = await renderEmail('document_notification', lang, { ...data, documentType });
        expect(email.subject).toBe(DOCUMENT_TYPES[documentType].name[lang]);
      }
    }
    expect((await renderEmail('document_notification', 'hu', { ...data, documentType: 'kotveny' })).subject).toBe('Kötvény');
    expect((await renderEmail('document_notification', 'hu', { ...data, documentType: 'dijbekero' })).subject).toBe('Díjbekérő');
    expect((await renderEmail('document_notification', 'en', { ...data, documentType: 'kotveny' })).subject).toBe('Policy document');
    expect((await renderEmail('document_notification', 'en', { ...data, documentType: 'dijbekero' })).subject).toBe('Premium notice');
  });

  it('shows the customer number, the type, the policy number, the date and both links', async () => {
    const hu = await renderEmail('document_notification', 'hu', data);
    expect(hu.text).toContain('Ügyfélszám: 10204460');
    expect(hu.html).toMatch(/Ügyfélszám: <strong[^>]*>10204460<\/strong>/);
    expect(hu.html).toContain('Kötvény');
    expect(hu.html).toContain('KGFB-2026-000123');
    expect(hu.html).toContain('2026. november 24.');
    expect(hu.html).toContain('href="https://ugyfelportal.granitpont.example/levelezes/3f2a9c"');
    expect(hu.html).toContain('href="https://ugyfelportal.granitpont.example/regisztracio?customer=10204460"');
    expect(hu.html).toMatch(/>\s*Regisztráció\s*</);
    expect(hu.html).toContain('Levelezés');
    expect(hu.html).toMatch(/GDPR/);
    expect(hu.html).toMatch(/IDD/);
    expect(hu.text).toContain('https://ugyfelportal.granitpont.example/levelezes/3f2a9c');
    expect(hu.text).toContain('https://ugyfelportal.granitpont.example/regisztracio?customer=10204460');

    const en = await renderEmail('document_notification', 'en', data);
    expect(en.text).toContain('Customer number: 10204460');
    expect(en.html).toContain('24 November 2026');
    expect(en.html).toContain('Policy document');
  });

  it('leads a customer with an account to the log-in only, and one without to the registration first', async () => {
    for (const lang of LANGUAGES) {
      const member = await renderEmail('document_notification', lang, { ...data, hasAccount: true });
      const newcomer = await renderEmail('document_notification', lang, { ...data, hasAccount: false });
      const queuedBefore = await renderEmail('document_notification', lang, data);

      expect(member.html).toContain('href="https://ugyfelportal.granitpont.example/levelezes/3f2a9c"');
      expect(member.text).toContain('https://ugyfelportal.granitpont.example/levelezes/3f2a9c');
      for (const part of [member.html, member.text]) expect(part).not.toContain('/regisztracio');
      // ("Registered office" is the footer's, hence the whole heading.)
      expect(member.html).not.toContain(lang === 'hu' ? 'regisztráció után' : 'Register to open');
      expect(member.html).not.toMatch(lang === 'hu' ? />\s*Regisztráció\s*</ : />\s*Register\s*</);

      for (const email of [newcomer, queuedBefore]) {
        expect(email.html).toContain('href="https://ugyfelportal.granitpont.example/regisztracio?customer=10204460"');
        expect(email.text).toContain('https://ugyfelportal.granitpont.example/regisztracio?customer=10204460');
        // The deep link stays, for someone who registered after the e-mail was sent.
        expect(email.html).toContain('href="https://ugyfelportal.granitpont.example/levelezes/3f2a9c"');
        expect(email.html).not.toContain('%%');
      }
    }
    const hu = await renderEmail('document_notification', 'hu', { ...data, hasAccount: true });
    expect(hu.html).toMatch(/>\s*Bejelentkezés és a dokumentum megtekintése\s*</);
    expect(hu.text).toContain('Jelentkezzen be az Ügyfélportálra a fiókja e-mail-címével és jelszavával.');
    const huNew = await renderEmail('document_notification', 'hu', { ...data, hasAccount: false });
    expect(huNew.html).toMatch(/>\s*Regisztráció\s*</);
    expect(huNew.text).toContain('Ügyfélszámához még nem tartozik Ügyfélportál-fiók.');
    expect(huNew.html).not.toContain('Bejelentkezés és a dokumentum megtekintése');
  });

  it('fills in the customer number on the registration link, replacing any other', async () => {
    const email = await renderEmail('document_notification', 'en', {
      ...data,
      registerUrl: 'https://ugyfelportal.granitpont.example/regisztracio?lang=en&customer=999',
    });
    expect(email.html).toContain('href="https://ugyfelportal.granitpont.example/regisztracio?lang=en&amp;customer=10204460"');
    expect(email.text).toContain('https://ugyfelportal.granitpont.example/regisztracio?lang=en&customer=10204460');
    expect(email.html).not.toContain('customer=999');
  });

  it('leaves the policy number out when the document has none', async () => {
    for (const policyNumber of [null, undefined, '']) {
      const hu = await renderEmail('document_notification', 'hu', { ...data, documentType: 'befizetes_igazolas', policyNumber });
      expect(hu.html).not.toContain('Szerződésszám');
      expect(hu.text).not.toContain('Szerződésszám');
      expect(hu.html).not.toContain('%%');
      expect(hu.subject).toBe('Befizetés igazolása');
    }
  });

  it('carries no other personal data, even when the data holds some', async () => {
    const leaky = { ...data, name: 'Kovács Anna', fullName: 'Kovács Anna', address: '1111 Budapest, Fő utca 1.', email: 'anna@example.com' };
    for (const lang of LANGUAGES) {
      const email = await renderEmail('document_notification', lang, leaky as DocumentNotificationData);
      for (const part of [email.subject, email.html, email.text]) {
        expect(part).not.toContain('Kovács');
        expect(part).not.toContain('Fő utca');
        expect(part).not.toContain('anna@example.com');
      }
    }
  });

  it('refuses an unknown document type', async () => {
    await expect(renderEmail('document_notification', 'hu', { ...data, documentType: 'secret' as never })).rejects.toMatchObject({
      field: 'documentType',
    });
  });
});
