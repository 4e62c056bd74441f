import { describe, expect, it } from 'vitest';
import { renderEmail, TemplateDataError } from '../../../../server/notifications/templates/index.ts';
import { SECURITY_EVENTS } from '../../../../server/notifications/templates/security-event-notice.ts';

const data = (event: string) => ({ event, occurredAt: '2026-11-24T17:30:00Z', securityUrl: 'https://portal.example/account/security' }) as never;

describe('the security_notice template', () => {
  it('words each security event on its own, in both languages, with the time and the security page', async () => {
    for (const lang of ['hu', 'en'] as const) {
      const subjects = new Set<string>();
      for (const event of SECURITY_EVENTS) {
        const mail = await renderEmail('security_notice', lang, data(event));
        subjects.add(mail.subject);
        expect(mail.html).toContain(mail.subject);
        expect(mail.text).toContain(mail.subject);
        expect(mail.text).toContain('https://portal.example/account/security');
        expect(mail.text).toMatch(/2026/);
      }
      expect(subjects.size).toBe(SECURITY_EVENTS.length);
    }
  });

  it('refuses an event it does not know', async () => {
    await expect(renderEmail('security_notice', 'en', data('<script>'))).rejects.toBeInstanceOf(TemplateDataError);
  });
});
