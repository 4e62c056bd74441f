/**
 * The demo provider accepts ONLY these card numbers, so nobody can type a real card into it by
 * mistake and nothing real is ever charged. The numbers are the industry's usual test numbers.
 * Any future expiry date and any 3-digit CVC go with them.
 */
export type TestCardOutcome = 'succeeded' | 'declined';

export interface TestCard {
  /** Digits only. */
  number: string;
  outcome: TestCardOutcome;
  brand: 'Visa';
}

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', outcome: 'succeeded', brand: 'Visa' },
  { number: '4000000000000002', outcome: 'declined', brand: 'Visa' },
];

/** `4242424242424242` → `4242 4242 4242 4242` */
export function groupCardNumber(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The test card typed (spaces and dashes allowed), or null: anything else is "not a test card". */
export function findTestCard(input: string): TestCard | null {
  const digits = input.replace(/[\s-]/g, '');
  return TEST_CARDS.find((card) => card.number === digits) ?? null;
}
