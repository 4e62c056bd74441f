import { PartnerSecretVault } from '../../common/partners/partner-secret-vault.ts';

/**
 * The vault a test's provider, API and seed share (the app derives it from SESSION_KEYS; a test
 * wires the pieces itself, so they must be handed the same one).
 */
export const TEST_PARTNER_KEY = 'test-partner-secret-key-0123456789abcdef';
export const testPartnerSecrets = new PartnerSecretVault([TEST_PARTNER_KEY]);
