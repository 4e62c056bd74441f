import { randomBytes } from 'node:crypto';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type * as WebAuthn from '@simplewebauthn/server';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { INSURER } from '../../common/insurer.ts';

/** How long the browser has between the options and its answer. */
const CHALLENGE_SECONDS = 5 * 60;
export const PASSKEY_NAME_MAX = 60;

/**
 * @simplewebauthn/server (and the ASN.1 and X.509 packages under it) when a passkey ceremony
 * first needs it: importing it costs some 200–300 ms, which every start of the product paid
 * before its first request (bench, start-up) for what few requests use.
 */
let library: Promise<typeof WebAuthn> | undefined;
const webauthn = () => (library ??= import('@simplewebauthn/server'));

export interface PasskeyRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

/** Options for the browser plus the ticket that names their challenge when the answer comes back. */
export interface Ceremony<T> {
  ticket: string;
  options: T;
}

/**
 * Passkeys (WebAuthn) with @simplewebauthn/server: discoverable credentials with user
 * verification required, so one passkey is both factors (something held, and the PIN or
 * biometric that unlocks it). The relying party is the IdP's host; only its public origin is
 * accepted. Each challenge is stored (any process may get the answer) and used once.
 */
export class Passkeys {
  private readonly rpID: string;
  private readonly origin: string;

  constructor(
    private readonly sequelize: Sequelize,
    publicUrl: URL,
  ) {
    this.rpID = publicUrl.hostname;
    this.origin = publicUrl.origin;
  }

  async list(accountId: string): Promise<PasskeyRow[]> {
    return this.sequelize.query<PasskeyRow>('select id, name, created_at, last_used_at from passkeys where account_id = :accountId order by created_at', {
      replacements: { accountId },
      type: QueryTypes.SELECT,
    });
  }

  async registrationOptions(account: { id: string; username: string; name: string }): Promise<Ceremony<PublicKeyCredentialCreationOptionsJSON>> {
    const existing = await this.sequelize.query<{ credential_id: string; transports: string[] }>(
      'select credential_id, transports from passkeys where account_id = :accountId',
      { replacements: { accountId: account.id }, type: QueryTypes.SELECT },
    );
    const { generateRegistrationOptions } = await webauthn();
    const options = await generateRegistrationOptions({
      rpName: INSURER.name,
      rpID: this.rpID,
      userName: account.username,
      userDisplayName: account.name,
      // The user handle is the account's id (not personal data); a discoverable log-in brings it back.
      userID: new TextEncoder().encode(account.id),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: p.transports })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    return { ticket: await this.storeChallenge('register', account.id, options.challenge), options };
  }

  /** Verifies the browser's answer and stores the passkey; null when it does not verify. */
  async register(transaction: Transaction, accountId: string, ticket: string, response: unknown, name: string): Promise<{ id: string } | null> {
    const challenge = await this.takeChallenge(transaction, 'register', ticket, accountId);
    if (!challenge || !isCredentialJson(response)) return null;
    const { verifyRegistrationResponse } = await webauthn();
    const verification = await verifyRegistrationResponse({
      response: response as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: this.origin,
      expectedRPID: this.rpID,
      requireUserVerification: true,
    }).catch(() => null);
    if (!verification?.verified) return null;
    const { credential } = verification.registrationInfo;
    const [row] = await this.sequelize.query<{ id: string }>(
      `insert into passkeys (account_id, credential_id, public_key, counter, transports, name)
       values (:accountId, :credentialId, :publicKey, :counter, string_to_array(:transports, ','), :name)
       on conflict (credential_id) do nothing returning id`,
      {
        replacements: {
          accountId,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey),
          counter: credential.counter,
          transports: (credential.transports ?? []).join(','),
          name,
        },
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    return row ?? null;
  }

  async loginOptions(): Promise<Ceremony<PublicKeyCredentialRequestOptionsJSON>> {
    // No allowCredentials: the authenticator offers the account's discoverable passkeys itself.
    const { generateAuthenticationOptions } = await webauthn();
    const options = await generateAuthenticationOptions({ rpID: this.rpID, userVerification: 'required' });
    return { ticket: await this.storeChallenge('login', null, options.challenge), options };
  }

  /** The account a log-in answer proves, or null; the passkey's counter and last use are updated. */
  async login(transaction: Transaction, ticket: string, response: unknown): Promise<{ accountId: string } | null> {
    const challenge = await this.takeChallenge(transaction, 'login', ticket, null);
    if (!challenge || !isCredentialJson(response)) return null;
    const [passkey] = await this.sequelize.query<{
      id: string;
      account_id: string;
      credential_id: string;
      public_key: Buffer;
      counter: string;
      transports: string[];
    }>('select id, account_id, credential_id, public_key, counter, transports from passkeys where credential_id = :credentialId for update', {
      replacements: { credentialId: response.id },
      type: QueryTypes.SELECT,
      transaction,
    });
    if (!passkey) return null;
    const { verifyAuthenticationResponse } = await webauthn();
    const verification = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: this.origin,
      expectedRPID: this.rpID,
      credential: {
        id: passkey.credential_id,
        publicKey: new Uint8Array(passkey.public_key),
        counter: Number(passkey.counter),
        transports: passkey.transports,
      },
      requireUserVerification: true,
    }).catch(() => null);
    if (!verification?.verified) return null;
    await this.sequelize.query('update passkeys set counter = :counter, last_used_at = now() where id = :id', {
      replacements: { id: passkey.id, counter: verification.authenticationInfo.newCounter },
      transaction,
    });
    return { accountId: passkey.account_id };
  }

  async rename(accountId: string, passkeyId: string, name: string): Promise<boolean> {
    const rows = await this.sequelize.query('update passkeys set name = :name where id = :id and account_id = :accountId returning id', {
      replacements: { id: passkeyId, accountId, name },
      type: QueryTypes.SELECT,
    });
    return rows.length === 1;
  }

  async remove(transaction: Transaction, accountId: string, passkeyId: string): Promise<boolean> {
    const rows = await this.sequelize.query('delete from passkeys where id = :id and account_id = :accountId returning id', {
      replacements: { id: passkeyId, accountId },
      type: QueryTypes.SELECT,
      transaction,
    });
    return rows.length === 1;
  }

  private async storeChallenge(purpose: 'register' | 'login', accountId: string | null, challenge: string): Promise<string> {
    const ticket = randomBytes(24).toString('base64url');
    await this.sequelize.query('delete from webauthn_challenges where expires_at < now()');
    await this.sequelize.query(
      `insert into webauthn_challenges (id, purpose, account_id, challenge, expires_at)
       values (:ticket, :purpose, :accountId, :challenge, now() + make_interval(secs => :seconds))`,
      { replacements: { ticket, purpose, accountId, challenge, seconds: CHALLENGE_SECONDS } },
    );
    return ticket;
  }

  /** The challenge behind a ticket, used up (it answers once), or null. */
  private async takeChallenge(transaction: Transaction, purpose: 'register' | 'login', ticket: string, accountId: string | null): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(ticket)) return null;
    const [row] = await this.sequelize.query<{ challenge: string }>(
      `delete from webauthn_challenges
        where id = :ticket and purpose = :purpose and account_id is not distinct from :accountId and expires_at > now()
        returning challenge`,
      { replacements: { ticket, purpose, accountId }, type: QueryTypes.SELECT, transaction },
    );
    return row?.challenge ?? null;
  }
}

/** The shape every WebAuthn answer has before the library looks inside it. */
function isCredentialJson(value: unknown): value is { id: string; response: object } {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && /^[A-Za-z0-9_-]{16,1366}$/.test(v.id) && v.type === 'public-key' && !!v.response && typeof v.response === 'object';
}
