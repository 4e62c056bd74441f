import type { Sequelize } from 'sequelize';
import type { Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { withDatabase } from '../with-database.ts';
import { operator } from '../operator.ts';
import { listFailedNotifications, MAX_LISTED, NOTIFICATION_ID, outboxStatus, retryFailedNotifications } from '../../notifications/outbox-admin.ts';

/**
 * `portal mail status|failed|retry`: operations look after the e-mail outbox. The running portal
 * sends; this command only reads the queue and puts failed notifications back into it.
 */
const USAGE = `Usage:
  portal mail status
  portal mail failed [--limit <n>]
  portal mail retry <notification id> [<notification id> …]
  portal mail retry --all-failed

status   how many e-mails wait (due now, or after a failed try), the oldest one's age, how many
         went out in the last 24 hours, and how many failed for good.
failed   the e-mails the portal gave up on (8 tries, or refused for good by the mail server),
         oldest first: id, template, customer number, masked recipient, tries and the error's
         kind and SMTP code. --limit: how many to show (default 50, at most ${MAX_LISTED}).
retry    puts failed e-mails back into the queue, due now, tries counted from zero; the running
         portal sends them within seconds. Only failed ones move: nothing is ever sent twice.
         Each retry is audited (notification.retried, by the operator).`;

export type MailRequest = { action: 'status' } | { action: 'failed'; limit: number } | { action: 'retry'; ids: string[] } | { action: 'retry'; all: true };

export function parseMailArgs(values: Record<string, string | boolean | undefined>, positionals: string[]): MailRequest {
  const [action, ...rest] = positionals;
  const usage = (message: string) => new CliError(`${message}\n\n${USAGE}`, 2);
  const allFailed = values['all-failed'] === true;
  if (values.limit !== undefined && action !== 'failed') throw usage('--limit applies to "failed" only.');
  if (allFailed && action !== 'retry') throw usage('--all-failed applies to "retry" only.');
  switch (action) {
    case 'status':
      if (rest.length) throw usage(`Unexpected argument "${rest[0]}".`);
      return { action };
    case 'failed': {
      if (rest.length) throw usage(`Unexpected argument "${rest[0]}".`);
      const raw = values.limit;
      const limit = raw === undefined ? 50 : Number(raw);
      if (typeof raw === 'boolean' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LISTED)
        throw usage(`--limit must be a whole number from 1 to ${MAX_LISTED}.`);
      return { action, limit };
    }
    case 'retry': {
      if (allFailed && rest.length) throw usage('Give notification ids or --all-failed, not both.');
      if (allFailed) return { action, all: true };
      if (!rest.length) throw usage('Which notifications? Give their ids (see "portal mail failed") or --all-failed.');
      const bad = rest.find((id) => !NOTIFICATION_ID.test(id));
      if (bad !== undefined) throw usage(`"${bad.slice(0, 60)}" is not a notification id.`);
      return { action, ids: [...new Set(rest.map((id) => id.toLowerCase()))] };
    }
    default:
      throw usage(action ? `Unknown action "${action}".` : 'Missing the action.');
  }
}

export interface MailCommandEnvironment {
  sequelize: Sequelize;
  actorId: string;
  stdout: { write(chunk: string): unknown };
}

export async function runMailCommand(request: MailRequest, env: MailCommandEnvironment): Promise<void> {
  const lines: string[] = [];
  if (request.action === 'status') {
    const s = await outboxStatus(env.sequelize);
    lines.push('E-mail outbox:');
    lines.push(`  waiting, due now            ${s.pendingDue}`);
    lines.push(`  waiting for the next try    ${s.pendingLater}`);
    lines.push(`  oldest waiting              ${s.oldestPendingSeconds === null ? '–' : age(s.oldestPendingSeconds)}`);
    lines.push(`  sent in the last 24 hours   ${s.sentLastDay}`);
    lines.push(`  failed                      ${s.failed}${s.failed ? ' (see "portal mail failed")' : ''}`);
  } else if (request.action === 'failed') {
    const { items, total } = await listFailedNotifications(env.sequelize, request.limit);
    if (!total) lines.push('No failed e-mails.');
    else {
      lines.push(total > items.length ? `${total} failed e-mails; the oldest ${items.length}:` : `${total} failed e-mail${total === 1 ? '' : 's'}:`);
      for (const n of items) {
        lines.push(`  ${n.id}  ${n.createdAt.toISOString().slice(0, 16).replace('T', ' ')}  ${n.template} (${n.language})`);
        lines.push(
          `    customer ${n.customerNumber ?? '–'}, to ${n.to}, ${n.attempts} ${n.attempts === 1 ? 'try' : 'tries'}, last error: ${n.lastError ?? '–'}`,
        );
      }
      lines.push('Send them again with "portal mail retry <id> …" or "portal mail retry --all-failed" once the cause is fixed.');
    }
  } else {
    const moved = await retryFailedNotifications(env.sequelize, 'all' in request ? { all: true } : { ids: request.ids }, env.actorId);
    lines.push(
      `${moved.length} e-mail${moved.length === 1 ? '' : 's'} back in the queue; the running portal sends ${moved.length === 1 ? 'it' : 'them'} within seconds.`,
    );
    if ('ids' in request) {
      const notMoved = request.ids.filter((id) => !moved.includes(id));
      if (notMoved.length) lines.push(`Not failed (already sent, waiting, or unknown), left alone: ${notMoved.join(', ')}`);
    }
  }
  env.stdout.write(`${lines.join('\n')}\n`);
}

function age(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} days`;
}

export const mailCommand: Command = {
  summary: 'see the e-mail outbox, list failed e-mails and send them again',
  usage: USAGE,
  options: {
    limit: { type: 'string' },
    'all-failed': { type: 'boolean' },
  },
  async run(values, positionals) {
    const request = parseMailArgs(values, positionals);
    await withDatabase(({ sequelize }) => runMailCommand(request, { sequelize, actorId: operator(), stdout: process.stdout }));
  },
};
