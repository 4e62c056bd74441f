import { describe, expect, it } from 'vitest';
import { CLOSED_CLAIM_STATUSES } from '../../server/domain/claims/claim-views.ts';
import { CLOSED_STATUSES } from '../../widgets/components/claim-form/claim-rules.ts';

/**
 * Rules the widgets keep a copy of (they cannot import the server's code), checked against the
 * server's own here, so that the copy cannot drift: a claim the widget offers files for must be
 * one the API takes files for.
 */
describe('widget copies of server rules', () => {
  it('a closed claim (no more files) is the same set of statuses in the claim form and in the API', () => {
    expect([...CLOSED_STATUSES].sort()).toEqual([...CLOSED_CLAIM_STATUSES].sort());
  });
});
