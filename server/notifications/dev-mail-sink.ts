import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server that keeps what it receives in memory: the development mailbox behind
 * `/dev/mail`, and the mail server of the tests. Not for production (config refuses it there).
 */
export interface ReceivedMail {
  index: number;
  receivedAt: Date;
  envelopeTo: string[];
  messageId: string | undefined;
  subject: string;
  from: string;
  to: string;
  html: string | null;
  text: string;
  raw: Buffer;
}

export interface MailSink {
  port: number;
  messages(): ReceivedMail[];
  /** Resolves when at least `count` messages have arrived (tests). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Makes the server refuse mail temporarily (SMTP 421), to test retries. */
  setAccepting(accepting: boolean): void;
  close(): Promise<void>;
}

export async function startMailSink(options: { port?: number; keep?: number } = {}): Promise<MailSink> {
  const keep = options.keep ?? 500;
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let accepting = true;
  let counter = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!accepting) {
        const error = Object.assign(new Error('Service temporarily unavailable'), { responseCode: 421 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks);
          // mailparser loads in ~1 s: the first caught e-mail pays for it, not start-up.
          const { simpleParser } = await import('mailparser');
          const parsed = await simpleParser(raw);
          received.push({
            index: ++counter,
            receivedAt: new Date(),
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            messageId: parsed.messageId,
            subject: parsed.subject ?? '',
            from: parsed.from?.text ?? '',
            to: Array.isArray(parsed.to) ? parsed.to.map((t) => t.text).join(', ') : (parsed.to?.text ?? ''),
            html: typeof parsed.html === 'string' ? parsed.html : null,
            text: parsed.text ?? '',
            raw,
          });
          if (received.length > keep) received.splice(0, received.length - keep);
          for (const wake of waiters) wake();
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as { port: number };

  return {
    port,
    messages: () => [...received],
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (counter >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve([...received]);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} e-mails, received ${counter}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    setAccepting(value) {
      accepting = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
