import type { ProductCode } from '../../kernel/products.ts';
import type { OtherPartySituation } from '../../kernel/other-party.ts';

export { OTHER_PARTY_SITUATIONS, isOtherPartySituation, type OtherPartySituation } from '../../kernel/other-party.ts';

/**
 * What the customer can say about the other party of a motor loss, as a Hungarian motor
 * insurer's first-notice form asks it. A customer who cannot name the other vehicle is not
 * trapped: only `known` asks for its driver and plate.
 *
 * - KGFB (liability: the customer caused the damage): the injured vehicle is `known`, its
 *   owner was not met (`unknown`: a parked car, a note left), or no vehicle was hit at all
 *   (`no_vehicle`: a fence, a building, a post). Hit-and-run is the injured party's case, not
 *   the one who caused the damage, so KGFB does not offer it.
 * - CASCO (the customer's own car was damaged): the other vehicle is `known`, was never seen
 *   (`unknown`: found damaged in a car park), drove off (`hit_and_run`: a police report
 *   follows), or there was none (`no_vehicle`: a wall, a kerb, game on the road).
 *
 * The choices themselves, and how the acknowledgement words them, are the kernel's
 * (server/kernel/other-party.ts): the claim's PDF and e-mail tell them back.
 */
export const SITUATIONS_BY_PRODUCT: Readonly<Partial<Record<ProductCode, readonly OtherPartySituation[]>>> = {
  kgfb: ['known', 'unknown', 'no_vehicle'],
  casco: ['known', 'unknown', 'hit_and_run', 'no_vehicle'],
};
