import type { MailSink, ReceivedMail } from '../../../server/notifications/dev-mail-sink.ts';

/** Waits for an e-mail to `to` that matches `match`, which arrived after `since` (a sink index). */
export async function waitForMail(
  sink: MailSink,
  to: string,
  match: (mail: ReceivedMail) => boolean = () => true,
  options: { since?: number; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const found = sink.messages().find((m) => m.index > (options.since ?? 0) && m.envelopeTo.includes(to) && match(m));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = sink.messages().map((m) => `#${m.index} ${m.envelopeTo.join(',')}: ${m.subject}`);
      throw new Error(`no e-mail to ${to} matched within the time limit; received:\n${seen.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The last index the sink has handed out: pass it as `since` to wait only for newer mail. */
export function mailMark(sink: MailSink): number {
  return sink.messages().reduce((max, m) => Math.max(max, m.index), 0);
}

/** The first link in the e-mail's HTML whose URL matches `pattern`. */
export function linkIn(mail: ReceivedMail, pattern: RegExp): string {
  const links = [...(mail.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const link = links.find((l) => pattern.test(l));
  if (!link) throw new Error(`no link matching ${pattern} in "${mail.subject}": ${links.join(' ')}`);
  return link;
}
