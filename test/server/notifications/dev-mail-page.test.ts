import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { startMailSink, type MailSink } from '../../../server/notifications/dev-mail-sink.ts';
import { devMailRoutes } from '../../../server/notifications/dev-mail-page.ts';

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
  await transport.sendMail({
    from: 'no-reply@portal.test',
    to: 'customer@example.com',
    subject: 'Kötvény <b>',
    text: 'Ügyfélszám: 10204460',
    html: '<p>Ügyfélszám: 10204460</p><script>alert(1)</script>',
  });
  transport.close();
  await sink.waitFor(1);
});
afterAll(() => sink.close());

describe('/dev/mail', () => {
  it('lists received e-mails with escaped subjects', async () => {
    const response = await devMailRoutes(sink).request('/');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Kötvény &lt;b&gt;');
    expect(page).toContain('customer@example.com');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('shows one e-mail, its text part, and its HTML only under a sandboxing CSP', async () => {
    const app = devMailRoutes(sink);
    const detail = await (await app.request('/1')).text();
    expect(detail).toContain('Ügyfélszám: 10204460');
    expect(detail).toContain('<iframe title="HTML part" sandbox src="/dev/mail/1/html">');
    const html = await app.request('/1/html');
    expect(html.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect((await app.request('/99')).status).toBe(404);
  });

  it('lets no other site frame any of its answers (issue 15, finding 12)', async () => {
    const app = devMailRoutes(sink);
    for (const path of ['/', '/1', '/style.css', '/99']) {
      const csp = (await app.request(path)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
    }
    // The HTML part is framed by the detail page only.
    expect((await app.request('/1/html')).headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });
});
