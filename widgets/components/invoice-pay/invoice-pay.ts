import { defineElement } from '../../internal/define.ts';
import GpInvoicePay from './invoice-pay.component.ts';

export { GpInvoicePay };
export type { PaymentMode } from './invoice-pay.component.ts';
export default GpInvoicePay;

defineElement('gp-invoice-pay', GpInvoicePay);

declare global {
  interface HTMLElementTagNameMap {
    'gp-invoice-pay': GpInvoicePay;
  }
}
