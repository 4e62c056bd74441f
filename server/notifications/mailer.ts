import nodemailer, { type Transporter } from 'nodemailer';
import type { ClaimedNotification, SendNotification } from './outbox-worker.ts';
import { isTemplateName, renderEmail, TemplateDataError } from './templates/index.ts';
import { INSURER } from '../../common/insurer.ts';

export interface MailerOptions {
  /** `smtp://…` / `smtps://…`. */
  smtpUrl: string;
  from?: string;
}

/** An SMTP transport (nodemailer) with pooled connections. */
export function createTransport(options: MailerOptions): Transporter {
  return nodemailer.createTransport(options.smtpUrl.includes('?') ? options.smtpUrl : `${options.smtpUrl}?pool=true&maxConnections=5`);
}

/** Renders an outbox row with its template and hands it to SMTP, keeping its Message-ID. */
export function createNotificationSender(transport: Transporter, from = `"${INSURER.shortName}" <no-reply@${fromDomain()}>`): SendNotification {
  return async (notification: ClaimedNotification) => {
    if (!isTemplateName(notification.template)) {
      throw Object.assign(new Error('unknown template'), { code: 'EUNKNOWNTEMPLATE', permanent: true });
    }
    let email;
    try {
      email = await renderEmail(notification.template, notification.language, notification.data as never);
    } catch (error) {
      if (error instanceof TemplateDataError) throw Object.assign(error, { code: 'ETEMPLATEDATA', permanent: true });
      throw error;
    }
    await transport.sendMail({
      from,
      to: notification.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: notification.messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  };
}

function fromDomain(): string {
  return INSURER.email.split('@')[1] ?? 'portal.example';
}
