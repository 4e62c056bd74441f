// The API's JSON shapes, by name, from the generated OpenAPI types. Widgets import these types
// only; nothing of the server reaches the bundle.
import type { components } from './openapi.d.ts';

type Schemas = components['schemas'];

export type LocalizedName = Schemas['LocalizedName'];
export type PolicyList = Schemas['PolicyList'];
export type PolicySummary = Schemas['PolicySummary'];
export type PolicyDetail = Schemas['PolicyDetail'];
export type PolicyChange = Schemas['PolicyChange'];
export type PolicyChangeResult = Schemas['PolicyChangeResult'];
export type PaymentFrequency = Schemas['PaymentFrequency'];
export type PaymentMethod = Schemas['PaymentMethod'];
export type PostalAddress = Schemas['PostalAddress'];
export type InvoicePage = Schemas['InvoicePage'];
export type Invoice = Schemas['Invoice'];
export type OutstandingTotal = Schemas['OutstandingTotal'];
export type StartPayment = Schemas['StartPayment'];
export type StartedPayment = Schemas['StartedPayment'];
export type Payment = Schemas['Payment'];
export type ReportedClaim = Schemas['ReportedClaim'];
export type ClaimList = Schemas['ClaimList'];
export type ClaimSummary = Schemas['ClaimSummary'];
export type ClaimDetail = Schemas['ClaimDetail'];
export type ClaimStatusEntry = Schemas['ClaimStatusEntry'];
export type DocumentList = Schemas['DocumentList'];
export type MailboxDocument = Schemas['MailboxDocument'];
export type RequestableTypes = Schemas['RequestableTypes'];
export type RequestableType = Schemas['RequestableType'];
export type DocumentRequestCreated = Schemas['DocumentRequestCreated'];
export type Profile = Schemas['Profile'];
export type ProfilePatch = Schemas['ProfilePatch'];
export type ProfileChanged = Schemas['ProfileChanged'];
export type EmailChangeRequest = Schemas['EmailChangeRequest'];
export type EmailChangePending = Schemas['EmailChangePending'];
export type LoginStart = Schemas['LoginStart'];
export type SessionView = Schemas['Session'];
export type Problem = Schemas['Problem'];

/** The logged-in customer as the session reports them. */
export type SessionCustomer = Extract<SessionView, { authenticated: true }>['customer'];
export type Overview = Schemas['Overview'];
export type AccountSecurity = Schemas['AccountSecurity'];
export type AccountSession = Schemas['AccountSession'];
export type AccountSessionList = Schemas['AccountSessionList'];
export type SessionsEnded = Schemas['SessionsEnded'];
