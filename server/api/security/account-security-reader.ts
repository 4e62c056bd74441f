/**
 * What the API needs to know of an account's passkeys and two-step log-in. They live in the IdP
 * (`idp/security/status.ts`); the app's wiring hands the reader in (server/ never imports idp/).
 */
export interface AccountSecurityFacts {
  passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
  twoStep: { enabled: boolean; recoveryCodesLeft: number };
}

export type AccountSecurityReader = (accountId: string) => Promise<AccountSecurityFacts>;
