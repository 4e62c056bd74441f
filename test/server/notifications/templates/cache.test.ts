import { beforeEach, describe, expect, it } from 'vitest';
import { LANGUAGES, TEMPLATE_NAMES, clearTemplateCache, compiledCount, renderEmail, warmTemplates } from '../../../../server/notifications/templates/index.ts';
import { SAMPLES } from './fixtures.ts';

describe('the compiled-template cache', () => {
  beforeEach(() => clearTemplateCache());

  it('compiles each (template, language) once', async () => {
    const before = compiledCount();
    for (let round = 0; round < 3; round += 1) {
      for (const name of TEMPLATE_NAMES) {
        for (const lang of LANGUAGES) await renderEmail(name, lang, SAMPLES[name] as never);
      }
    }
    expect(compiledCount() - before).toBe(TEMPLATE_NAMES.length * LANGUAGES.length);
  });

  it('shares one compilation between concurrent first renders', async () => {
    const before = compiledCount();
    await Promise.all(Array.from({ length: 20 }, () => renderEmail('document_notification', 'hu', SAMPLES.document_notification)));
    expect(compiledCount() - before).toBe(1);
    await renderEmail('document_notification', 'en', SAMPLES.document_notification);
    expect(compiledCount() - before).toBe(2);
  });

  it('does not compile for data it refuses', async () => {
    const before = compiledCount();
    await expect(renderEmail('verify_email', 'hu', { ...SAMPLES.verify_email, verifyUrl: 'javascript:alert(1)' })).rejects.toThrow();
    expect(compiledCount() - before).toBe(0);
  });

  it('renders 1,000 document notifications quickly once warm', async () => {
    await warmTemplates();
    const before = compiledCount();
    const started = performance.now();
    const emails = [];
    for (let i = 0; i < 1000; i += 1) {
      emails.push(
        await renderEmail('document_notification', i % 2 ? 'en' : 'hu', {
          ...SAMPLES.document_notification,
          customerNumber: String(10_000_000 + i),
          documentType: i % 3 ? 'kotveny' : 'dijbekero',
          policyNumber: i % 5 ? `KGFB-2026-${String(i).padStart(6, '0')}` : null,
        }),
      );
    }
    const ms = performance.now() - started;
    console.log(`rendered 1000 document notifications in ${ms.toFixed(1)} ms (${((ms * 1000) / 1000).toFixed(0)} µs each)`);
    expect(compiledCount() - before).toBe(0);
    expect(emails[999]!.html).toContain('10000999');
    expect(emails[998]!.text).toContain('Ügyfélszám: 10000998');
  });
});
