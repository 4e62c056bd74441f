import { elementUpdated, html, waitUntil } from '@open-wc/testing';
import type { ClaimSummary, PolicySummary, ReportedClaim } from '../../../../widgets/api/schemas.ts';
import type GpClaimForm from '../../../../widgets/components/claim-form/claim-form.component.ts';
import '../../../../widgets/components/claim-form/claim-form.ts';
import { budapestNow } from '../../../../widgets/components/claim-form/claim-rules.ts';
import type { Lang } from '../../../../widgets/i18n/lang.ts';
import { inPortal, part, textOf } from '../../support/render.ts';

/** Policies, claims and the steps of a report, for the claim form's tests against the fake API. */
export const policy = (over: Partial<PolicySummary>): PolicySummary =>
  ({
    id: 12,
    policyNumber: 'GP-CAS-000012',
    product: 'casco',
    productName: { hu: 'CASCO gépjármű-biztosítás', en: 'CASCO comprehensive motor insurance' },
    status: 'active',
    startDate: '2024-06-01',
    endDate: null,
    cancelledAt: null,
    insuredObjectLabel: 'ABC-123 Škoda Octavia',
    ...over,
  }) as PolicySummary;

export const CASCO = policy({});
export const KGFB = policy({
  id: 13,
  policyNumber: 'GP-KGF-000013',
  product: 'kgfb',
  productName: { hu: 'Kötelező gépjármű-felelősségbiztosítás', en: 'Compulsory motor third-party liability insurance' },
});
export const HOME = policy({
  id: 14,
  policyNumber: 'GP-LAK-000014',
  product: 'home',
  productName: { hu: 'Lakásbiztosítás', en: 'Home insurance' },
  insuredObjectLabel: 'Győr, Baross út 12.',
});

export const policyList = (items: PolicySummary[]) => ({
  items,
  page: 1,
  pageSize: 100,
  total: items.length,
  status: 'active',
  counts: { active: items.length, cancelled: 0 },
});

export const claim = (over: Partial<ClaimSummary>): ClaimSummary =>
  ({
    id: 5,
    claimNumber: 'KAR-2026-000005',
    policyId: 12,
    policyNumber: 'GP-CAS-000012',
    product: 'casco',
    claimType: 'glass',
    claimTypeName: { hu: 'Üvegkár', en: 'Glass breakage' },
    occurredAt: '2026-03-02T08:00:00Z',
    place: 'Budapest',
    estimatedDamageHuf: null,
    contactPreference: 'email',
    status: 'in_review',
    reportedAt: '2026-03-02T09:00:00Z',
    updatedAt: '2026-03-04T09:00:00Z',
    attachmentCount: 1,
    history: [
      { status: 'received', note: 'Kárbejelentés beérkezett az Ügyfélportálon.', at: '2026-03-02T09:00:00Z' },
      { status: 'in_review', note: null, at: '2026-03-04T09:00:00Z' },
    ],
    ...over,
  }) as ClaimSummary;

export const REPORTED: ReportedClaim = {
  id: 77,
  claimNumber: 'KAR-2026-000077',
  status: 'received',
  reportedAt: '2026-05-10T10:00:00Z',
  attachments: [],
  acknowledgementDocumentId: '7d3f3c1e-8a63-4c55-9a0c-0d2f9a1c0b11',
};

export const daysAgo = (n: number) => budapestNow(new Date(Date.now() - n * 86_400_000)).date;
export const $ = <T extends HTMLElement = HTMLElement>(el: GpClaimForm, selector: string) => {
  const node = el.shadowRoot!.querySelector<T>(selector);
  if (!node) throw new Error(`no ${selector}`);
  return node;
};
export const heading = (el: GpClaimForm) => textOf(part(el, 'step-heading'));
export const errorOf = (el: GpClaimForm, id: string) => textOf($(el, `#${id}-error`));

export async function type(el: GpClaimForm, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await elementUpdated(el);
}

export async function choose(el: GpClaimForm, name: string, value: string): Promise<void> {
  $<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`).click();
  await elementUpdated(el);
}

export async function next(el: GpClaimForm): Promise<void> {
  const before = heading(el);
  part<HTMLButtonElement>(el, 'next-button').click();
  // Next waits for the files' check before it moves: wait for the heading or a refused field.
  await waitUntil(() => heading(el) !== before || el.shadowRoot!.querySelector('form [aria-invalid="true"]'), 'Next did nothing');
  await el.updateComplete;
}

/** Files whose bytes start as JPEG, PNG or PDF do (or as `bytes`). */
export const jpeg = (name = 'karosodas.jpg', size = 2048) =>
  new File([new Uint8Array([0xff, 0xd8, 0xff]), new Uint8Array(size - 3)], name, { type: 'image/jpeg' });
export const pdf = (name = 'jegyzokonyv.pdf') => new File(['%PDF-1.4 …'], name, { type: 'application/pdf' });
export const fakePng = (name = 'serules.png') => new File(['<html><script>alert(1)</script></html>'], name, { type: 'image/png' });

export async function render(attrs: { policyId?: string; view?: string; claimId?: string } = {}, lang: Lang = 'hu') {
  const { portal, widget } = await inPortal<GpClaimForm>(
    html`<gp-claim-form policy-id=${attrs.policyId ?? ''} view=${attrs.view ?? 'report'} claim-id=${attrs.claimId ?? ''}></gp-claim-form>`,
    { lang },
  );
  return { portal, el: widget };
}

export const loaded = (el: GpClaimForm) =>
  waitUntil(() => el.shadowRoot!.querySelector('[part~="form"], [part~="empty"], [part~="error"], [part~="claims"]'), 'never loaded');

/** The live region of the picker holding `input`. */
export const pickerStatus = (input: HTMLInputElement) => textOf(input.closest('.field')!.querySelector('[role="status"]'));

/** Chooses files in a picker as the browser's dialog would, and waits until they were checked (their bytes are read). */
export async function chooseIn(el: GpClaimForm, input: HTMLInputElement, files: File[]): Promise<void> {
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  const before = pickerStatus(input);
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => pickerStatus(input) !== before, 'the chosen files were never checked');
  await el.updateComplete;
}

/** A collision on the preselected contract, walked up to the step that asks about the other party. */
export async function collisionUpToOtherParty(el: GpClaimForm, description: string, place: string): Promise<void> {
  await choose(el, 'claimType', 'collision');
  await type(el, 'description', description);
  await next(el);
  await type(el, 'date', daysAgo(1));
  await type(el, 'place', place);
  await next(el);
}
