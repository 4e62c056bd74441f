import { defineElement } from '../../internal/define.ts';
import GpMailbox from './mailbox.component.ts';

export { GpMailbox };
export default GpMailbox;

defineElement('gp-mailbox', GpMailbox);

declare global {
  interface HTMLElementTagNameMap {
    'gp-mailbox': GpMailbox;
  }
}
