import { describe, expect, it } from 'vitest';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { Sequelize } from 'sequelize';
import { DpopNonces } from '../../../../server/api/auth/dpop-nonces.ts';
import { athOfHandle, athOfHandleSha256Hex, DpopProofError, DpopVerifier } from '../../../../server/api/auth/dpop-proof.ts';
import { sha256Hex } from '../../../../server/domain/session/secrets.ts';
import { DpopReplayStore } from '../../../../server/api/auth/dpop-replay.ts';
import { silentLogger } from '../../../../common/http/logger.ts';

// The signature check itself, without HTTP: reads only (a write's jti goes to PostgreSQL, see
// test/server/api/session/dpop.test.ts). Proofs are made here by hand, so that they can be wrong
// in ways the `dpop` library never is.
const HTU = 'http://127.0.0.1:4500/api/policies';
const HANDLE = 'h'.repeat(43);
const ATH = athOfHandle(HANDLE);
const b64u = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function newKey(): { privateKey: KeyObject; jwk: JWK } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  return { privateKey, jwk: { kty, crv, x, y } };
}

function proof(
  signer: KeyObject,
  jwk: JWK,
  options: { header?: Record<string, unknown>; claims?: Record<string, unknown>; signature?: (input: Buffer) => Buffer } = {},
): string {
  const header = { typ: 'dpop+jwt', alg: 'ES256', jwk, ...options.header };
  const claims = { htm: 'GET', htu: HTU, iat: Math.floor(Date.now() / 1000), jti: randomUUID(), ath: ATH, ...options.claims };
  const input = `${b64u(header)}.${b64u(claims)}`;
  const signature = (options.signature ?? ((data) => sign('sha256', data, { key: signer, dsaEncoding: 'ieee-p1363' })))(Buffer.from(input));
  return `${input}.${signature.toString('base64url')}`;
}

function verifier(): DpopVerifier {
  return new DpopVerifier({
    nonces: new DpopNonces(Promise.resolve(['k'.repeat(32)]), 60),
    replay: new DpopReplayStore(null as unknown as Sequelize, silentLogger, 180),
  });
}

async function refusal(check: Promise<unknown>): Promise<string> {
  const error = await check.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DpopProofError);
  return (error as DpopProofError).code;
}

describe('ath', () => {
  it("is the same from the handle and from the session row's id (the handle's SHA-256 in hex)", () => {
    expect(ATH).toBe('NthuN17OC8j_FmO6IDedMt4hV3LPdXqiEYE3RuC-OWg');
    expect(athOfHandleSha256Hex(sha256Hex(HANDLE))).toBe(ATH);
  });
});

describe('DpopVerifier: the ES256 signature', () => {
  it("accepts a proof signed by the header's key, first without and then with the bound key cached", async () => {
    const { privateKey, jwk } = newKey();
    const jkt = await calculateJwkThumbprint(jwk, 'sha256');
    const dpop = verifier();
    for (let i = 0; i < 2; i++) {
      expect(await dpop.verify({ proof: proof(privateKey, jwk), method: 'GET', htu: HTU, ath: ATH, boundJkt: jkt })).toBe(jkt);
    }
    // The redeem of a ticket: no binding yet, the thumbprint is the answer.
    expect(await dpop.verify({ proof: proof(privateKey, jwk, { claims: { ath: undefined } }), method: 'GET', htu: HTU })).toBe(jkt);
  });

  it('refuses a proof signed by another key than the one in its header, before and after the bound key is cached', async () => {
    const { privateKey, jwk } = newKey();
    const other = newKey();
    const jkt = await calculateJwkThumbprint(jwk, 'sha256');
    const dpop = verifier();
    const forged = proof(other.privateKey, jwk);
    expect(await refusal(dpop.verify({ proof: forged, method: 'GET', htu: HTU, ath: ATH, boundJkt: jkt }))).toBe('invalid_dpop_proof');
    await dpop.verify({ proof: proof(privateKey, jwk), method: 'GET', htu: HTU, ath: ATH, boundJkt: jkt });
    expect(await refusal(dpop.verify({ proof: forged, method: 'GET', htu: HTU, ath: ATH, boundJkt: jkt }))).toBe('invalid_dpop_proof');
    expect(await refusal(dpop.verify({ proof: forged, method: 'GET', htu: HTU }))).toBe('invalid_dpop_proof');
  });

  it('refuses a changed claim, a DER-encoded or truncated signature, and a header with crit or b64', async () => {
    const { privateKey, jwk } = newKey();
    const jkt = await calculateJwkThumbprint(jwk, 'sha256');
    const dpop = verifier();
    const check = (value: string) => refusal(dpop.verify({ proof: value, method: 'GET', htu: HTU, ath: ATH, boundJkt: jkt }));

    const good = proof(privateKey, jwk);
    const [header, , signature] = good.split('.');
    const otherClaims = b64u({ htm: 'GET', htu: HTU, iat: Math.floor(Date.now() / 1000), jti: 'x', ath: ATH });
    expect(await check(`${header}.${otherClaims}.${signature}`)).toBe('invalid_dpop_proof');
    expect(await check(proof(privateKey, jwk, { signature: (input) => sign('sha256', input, privateKey) }))).toBe('invalid_dpop_proof'); // DER
    expect(await check(`${good.slice(0, good.lastIndexOf('.'))}.${Buffer.from(signature!, 'base64url').subarray(0, 63).toString('base64url')}`)).toBe(
      'invalid_dpop_proof',
    );
    expect(await check(proof(privateKey, jwk, { header: { crit: ['exp'] } }))).toBe('invalid_dpop_proof');
    expect(await check(proof(privateKey, jwk, { header: { b64: false, crit: ['b64'] } }))).toBe('invalid_dpop_proof');
    // The rightful proof still passes after all that.
    expect(await dpop.verify({ proof: proof(privateKey, jwk), method: 'GET', htu: HTU, ath: ATH, boundJkt: jkt })).toBe(jkt);
  });

  it('refuses a key that is not a P-256 point', async () => {
    const { privateKey, jwk } = newKey();
    const offCurve = { ...jwk, y: Buffer.alloc(32, 7).toString('base64url') };
    expect(await refusal(verifier().verify({ proof: proof(privateKey, offCurve), method: 'GET', htu: HTU }))).toBe('invalid_dpop_proof');
  });
});
