import type { DocumentInput } from './pdf/input.ts';
import { DOCUMENT_TYPES } from '../kernel/document-types.ts';

/**
 * The title shown in the mailbox and the download's file name. File names stay ASCII (no
 * accents, no spaces) so every browser and mail client keeps them intact.
 */
export function documentReference(input: DocumentInput): string {
  return 'policy' in input ? input.policy.policyNumber : input.payment.receiptNumber;
}

/**
 * `Díjbekérő – GP-KGFB-0001`; a receipt names its own number and the contracts it settled
 * (`Befizetés igazolása – BF-2026-100001 (GP-KGFB-0001, GP-CASCO-0002)`), never the payment
 * provider's reference.
 */
export function documentTitle(input: DocumentInput): string {
  const title = `${DOCUMENT_TYPES[input.type].name.hu} – ${documentReference(input)}`;
  if ('policy' in input) return title;
  const contracts = [...new Set(input.items.map((item) => item.policyNumber))];
  return `${title} (${contracts.join(', ')})`;
}

export function documentFilename(input: DocumentInput): string {
  const day = input.issuedAt.slice(0, 10);
  const reference = documentReference(input).replace(/[^A-Za-z0-9-]+/g, '-');
  return `${input.type.replace(/_/g, '-')}-${reference}-${day}.pdf`;
}
