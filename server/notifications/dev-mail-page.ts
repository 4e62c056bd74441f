import { Hono, type Context } from 'hono';
import { html, raw } from 'hono/html';
import type { MailSink } from './dev-mail-sink.ts';
import { notFound, problemResponse } from '../../common/http/problem.ts';
import { contentSecurityPolicy } from '../../common/http/csp.ts';

/**
 * `/dev/mail`: what the embedded SMTP sink received, newest first — development only
 * (never mounted in production). A message's HTML is shown in a sandboxed frame.
 */
export function devMailRoutes(sink: MailSink): Hono {
  const app = new Hono();
  const noStore = { 'Cache-Control': 'no-store' };
  const csp = contentSecurityPolicy({ 'style-src': ["'self'"], 'frame-src': ["'self'"], 'img-src': ["'self'", 'data:'] });

  // Every answer under /dev/mail (the stylesheet and a not-found included) keeps other sites
  // from framing it: it shows customers' e-mails. The HTML part sets its own (framed by 'self').
  app.use(async function devMailFraming(c, next) {
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', contentSecurityPolicy({}));
  });

  app.get('/', (c) => {
    const messages = sink.messages().reverse();
    return c.html(
      html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Development mailbox</title>
            <link rel="stylesheet" href="/dev/mail/style.css" />
          </head>
          <body>
            <main>
              <h1>Development mailbox</h1>
              <p>E-mails the portal sent to the embedded SMTP sink (port ${sink.port}), newest first. Kept in memory until the process stops.</p>
              ${
                messages.length === 0
                  ? html`<p class="empty">No e-mail yet.</p>`
                  : html`<table>
                    <thead><tr><th scope="col">#</th><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead>
                    <tbody>
                      ${messages.map(
                        (m) => html`<tr>
                          <td>${m.index}</td>
                          <td><time datetime="${m.receivedAt.toISOString()}">${m.receivedAt.toISOString().replace('T', ' ').slice(0, 19)}</time></td>
                          <td>${m.to}</td>
                          <td><a href="/dev/mail/${m.index}">${m.subject || '(no subject)'}</a></td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>`
              }
            </main>
          </body>
        </html>`,
      200,
      { ...noStore, 'Content-Security-Policy': csp },
    );
  });

  app.get('/style.css', (c) =>
    c.body(
      `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1b1f24}main{max-width:1100px;margin:0 auto;padding:24px}
table{width:100%;border-collapse:collapse;background:#fff}th,td{padding:8px 12px;border-bottom:1px solid #dde1e6;text-align:left;vertical-align:top}
a{color:#0b5cad}iframe{width:100%;height:70vh;border:1px solid #dde1e6;background:#fff}pre{white-space:pre-wrap;background:#fff;padding:12px;border:1px solid #dde1e6}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dt{font-weight:600}.empty{color:#555}`,
      200,
      { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' },
    ),
  );

  const find = (id: string) => sink.messages().find((m) => String(m.index) === id);
  const missing = (c: Context) => problemResponse(c, notFound().toProblem());

  app.get('/:id', (c) => {
    const m = find(c.req.param('id'));
    if (!m) return missing(c);
    return c.html(
      html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <title>${m.subject}</title>
            <link rel="stylesheet" href="/dev/mail/style.css" />
          </head>
          <body>
            <main>
              <p><a href="/dev/mail">← All e-mails</a></p>
              <h1>${m.subject}</h1>
              <dl>
                <dt>From</dt><dd>${m.from}</dd>
                <dt>To</dt><dd>${m.to}</dd>
                <dt>Message-ID</dt><dd>${m.messageId ?? ''}</dd>
                <dt>Received</dt><dd>${m.receivedAt.toISOString()}</dd>
              </dl>
              <h2>HTML part</h2>
              ${m.html ? html`<iframe title="HTML part" sandbox src="/dev/mail/${m.index}/html"></iframe>` : html`<p>None.</p>`}
              <h2>Text part</h2>
              <pre>${m.text}</pre>
            </main>
          </body>
        </html>`,
      200,
      { ...noStore, 'Content-Security-Policy': csp },
    );
  });

  // The e-mail's own HTML, under a sandboxing CSP: no scripts, same as a careful mail client.
  app.get('/:id/html', (c) => {
    const m = find(c.req.param('id'));
    if (!m) return missing(c);
    return c.html(raw(m.html ?? ''), 200, {
      ...noStore,
      'Content-Security-Policy': contentSecurityPolicy({
        sandbox: [''],
        'default-src': ["'none'"],
        'style-src': ["'unsafe-inline'"],
        'img-src': ['data:', 'https:'],
        'frame-ancestors': ["'self'"],
      }),
    });
  });
  return app;
}
