// What checking a DPoP proof costs the API per request, in-process: the verifier the API uses
// (jose `compactVerify`, the session's key imported once and then found by its thumbprint), on
// proofs for a read, and on the first proof of a session (thumbprint + key import). Measured
// with a key made here and a replay store that is never asked (reads are not recorded).
import { generateKeyPair, generateProof, calculateThumbprint } from 'dpop';
import type { Sequelize } from 'sequelize';
import { DpopNonces } from '../server/api/auth/dpop-nonces.ts';
import { athOfHandle, DpopVerifier } from '../server/api/auth/dpop-proof.ts';
import { DpopReplayStore } from '../server/api/auth/dpop-replay.ts';
import { silentLogger } from '../common/http/logger.ts';
import { log, measurement, type BenchRecord } from './lib.ts';

const HANDLE = 'A'.repeat(43);
const URL_ = 'http://127.0.0.1:4200/api/policies';

export async function proofCheckCost(iterations = 3000): Promise<BenchRecord[]> {
  const keys = await generateKeyPair('ES256');
  const jkt = await calculateThumbprint(keys.publicKey);
  const proofs = await Promise.all(Array.from({ length: 200 }, () => generateProof(keys, URL_, 'GET', undefined, HANDLE)));
  const fresh = () =>
    new DpopVerifier({
      nonces: new DpopNonces(Promise.resolve(['x'.repeat(32)]), 60),
      replay: new DpopReplayStore(null as unknown as Sequelize, silentLogger, 180),
    });
  const ath = athOfHandle(HANDLE);
  const request = (proof: string) => ({ proof, method: 'GET', htu: URL_, ath, boundJkt: jkt });

  // The first proof of a session in a process: thumbprint and import, then the signature.
  const firsts: number[] = [];
  for (let i = 0; i < 200; i++) {
    const verifier = fresh();
    const start = process.hrtime.bigint();
    await verifier.verify(request(proofs[i]!));
    firsts.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  // Every later request: the cached key, the claims, the signature.
  const verifier = fresh();
  for (let i = 0; i < 500; i++) await verifier.verify(request(proofs[i % proofs.length]!));
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await verifier.verify(request(proofs[i % proofs.length]!));
  const perRequest = Number(process.hrtime.bigint() - start) / 1000 / iterations;
  firsts.sort((a, b) => a - b);
  const firstMedian = firsts[Math.floor(firsts.length / 2)]!;
  log(`DPoP proof check: ${perRequest.toFixed(0)} µs per request (cached key), ${firstMedian.toFixed(0)} µs for a session's first proof`);
  return [
    measurement('api: DPoP proof check per request (bound key cached, ES256, jose)', perRequest, 'µs', `mean of ${iterations} checks in-process`),
    measurement("api: DPoP proof check, a session's first request in a process (thumbprint + key import)", firstMedian, 'µs', 'median of 200'),
  ];
}
