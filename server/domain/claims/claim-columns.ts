/**
 * The columns a claim is written with, in the order of its values: a claim reported in the portal
 * (report-claim.ts) and a seeded one (server/seed) both start with these, then add their own
 * (the acknowledgement document, the timestamps).
 */
export const CLAIM_COLUMNS = [
  'claim_number',
  'policy_id',
  'customer_id',
  'claim_type',
  'occurred_at',
  'place',
  'description',
  'estimated_damage_huf',
  'other_party',
  'other_party_situation',
  'contact_preference',
  'status',
  'client_id',
] as const;
