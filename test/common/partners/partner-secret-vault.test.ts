import { describe, expect, it } from 'vitest';
import { PartnerSecretVault } from '../../../common/partners/partner-secret-vault.ts';

const KEY = 'a-fixed-test-secret-of-at-least-32-characters';

/**
 * A partner's secret as `partner_clients.client_secret` held it before the vault took its keys
 * from the shared key derivation (as of commit f8e1878): rows sealed then must still open.
 */
const SEALED_BEFORE = {
  kid: 'e_-RoNdvQalzMy9l',
  clientId: 'teszt-alkusz-1',
  stored:
    'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIiwia2lkIjoiZV8tUm9OZHZRYWx6TXk5bCIsImNsaWVudF9pZCI6InRlc3p0LWFsa3Vzei0xIn0..ui1TnuEVsgIUrGWL.LqzKdnul0b4nZXs0dx6Q4CpqxvF29U3MFg.Qcc60jNXBr3ceNDla6wANw',
  secret: 'the-partner-client-secret',
};

describe('PartnerSecretVault', () => {
  it('opens a secret sealed by the earlier code, and names its key with the same kid', async () => {
    const vault = new PartnerSecretVault([KEY]);
    expect(vault.currentKid).toBe(SEALED_BEFORE.kid);
    expect(PartnerSecretVault.kidOf(SEALED_BEFORE.stored)).toBe(SEALED_BEFORE.kid);
    await expect(vault.open(SEALED_BEFORE.clientId, SEALED_BEFORE.stored)).resolves.toBe(SEALED_BEFORE.secret);
    await expect(vault.open('another-client', SEALED_BEFORE.stored)).resolves.toBeUndefined();
  });

  it('needs keys of at least 32 characters', () => {
    expect(() => new PartnerSecretVault([])).toThrow(/at least one key/);
    expect(() => new PartnerSecretVault([KEY, 'short'])).toThrow(/at least 32 characters/);
  });
});
