export { getOverview, RENEWAL_WINDOW_DAYS, OPEN_CLAIMS_SHOWN, type Overview, type OpenClaim, type Renewal, type BrokerContact } from './get-overview.ts';
