import { describe, expect, it } from 'vitest';
import { fill, parsePlaceholders } from '../../../../server/notifications/templates/engine.ts';
import { LANGUAGES, TEMPLATE_NAMES, renderEmail } from '../../../../server/notifications/templates/index.ts';
import { MASKED_FIELDS, SAMPLES, TEXT_FIELDS, URL_FIELDS, withField } from './fixtures.ts';

const PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", '&lt;b&gt;'];
// Markup the payloads would create if they were not escaped ("alert(1)>" would close a tag).
const RAW = ['<script', '<img', '<svg', 'alert(1)>'];

function expectNoRawMarkup(html: string) {
  for (const raw of RAW) expect(html).not.toContain(raw);
}

describe('personal data in the e-mails', () => {
  for (const name of TEMPLATE_NAMES) {
    for (const field of TEXT_FIELDS[name]) {
      it(`${name}.${field} arrives HTML-escaped`, async () => {
        // An e-mail address field still needs an "@" to be masked; keep the payload in the local part.
        const asValue = (payload: string) => (field.endsWith('Email') ? `${payload}@example.com` : payload);
        // A masked address shows only its first character and domain: nothing of the payload to find.
        const shown = !(MASKED_FIELDS[name] as string[] | undefined)?.includes(field);
        for (const lang of LANGUAGES) {
          for (const payload of PAYLOADS) {
            const email = await renderEmail(name, lang, withField(name, field, asValue(payload)));
            expectNoRawMarkup(email.html);
            expect(email.html).not.toContain('%%');
          }
          const email = await renderEmail(name, lang, withField(name, field, asValue('<script>alert(1)</script>')));
          if (shown) expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
          // An already-escaped entity is escaped again (shown literally, never decoded into markup).
          const entity = await renderEmail(name, lang, withField(name, field, asValue('&lt;b&gt;')));
          if (shown) expect(entity.html).toContain('&amp;lt;b&amp;gt;');
        }
      });
    }
  }

  it('an invoice number in the repeated rows arrives escaped', async () => {
    const email = await renderEmail('payment_receipt', 'hu', {
      ...SAMPLES.payment_receipt,
      invoices: [{ number: '"><img src=x onerror=alert(1)>', amount: 100 }],
    });
    expectNoRawMarkup(email.html);
    expect(email.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('quotes and angle brackets inside a link stay inside the attribute', async () => {
    const email = await renderEmail('document_notification', 'hu', {
      ...SAMPLES.document_notification,
      loginUrl: `https://ugyfelportal.granitpont.example/levelezes/1?x="><img src=x onerror=alert(1)>&y='z'`,
    });
    expectNoRawMarkup(email.html);
    const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.some((h) => h.startsWith('https://ugyfelportal.granitpont.example/levelezes/1?x=%22%3E%3Cimg'))).toBe(true);
    for (const href of hrefs) expect(href).not.toMatch(/[<>"]/);
  });
});

describe('links', () => {
  const BAD = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.com/x',
    '//evil.example/x',
    '/relative/path',
    'https://user:pw@evil.example/',
    '',
  ];

  for (const name of TEMPLATE_NAMES) {
    for (const field of URL_FIELDS[name]) {
      it(`${name}.${field} accepts only http(s) URLs`, async () => {
        for (const bad of BAD) {
          if (bad === '' && name === 'email_changed_notice') continue; // optional there: '' means "no link"
          await expect(renderEmail(name, 'hu', withField(name, field, bad)), bad).rejects.toMatchObject({ code: 'ETEMPLATEDATA', field });
        }
        const ok = await renderEmail(name, 'en', withField(name, field, 'http://localhost:3000/portal/x'));
        expect(ok.html).toContain('href="http://localhost:3000/portal/x');
      });
    }
  }

  it('the engine refuses a non-http value in a link attribute even if a template forgot to check it', () => {
    const segments = parsePlaceholders('<a href="%%link%%">%%label%%</a><p title="%%label%%">x</p>');
    const compiled = { key: 'test', html: '', segments };
    expect(fill(compiled, { link: 'https://a.example/?q=1&r=2', label: '<b>' })).toBe(
      '<a href="https://a.example/?q=1&amp;r=2">&lt;b&gt;</a><p title="&lt;b&gt;">x</p>',
    );
    expect(() => fill(compiled, { link: 'javascript:alert(1)', label: 'x' })).toThrow(/http/);
    expect(() => fill(compiled, { label: 'x' })).toThrow(/no value for %%link%%/);
  });

  it('a value that looks like a placeholder is shown as it is, not expanded', async () => {
    const email = await renderEmail('claim_acknowledgement', 'hu', { ...SAMPLES.claim_acknowledgement, claimNumber: '%%customerNumber%%' });
    expect(email.html).toMatch(/Kárszám: <strong[^>]*>%%customerNumber%%<\/strong>/);
    expect(email.text).toContain('Kárszám: %%customerNumber%%');
  });

  it('malformed templates are caught when parsed', () => {
    expect(() => parsePlaceholders('%%#a%%x')).toThrow(/unclosed/);
    expect(() => parsePlaceholders('%%/a%%')).toThrow(/unexpected/);
    expect(() => parsePlaceholders('%%not a token%%')).toThrow(/malformed/);
  });
});
