export * from '../kernel/document-types.ts';
export * from './format.ts';
export * from '../../common/insurer.ts';
export * from './naming.ts';
export * from './issue.ts';
export type * from './pdf/input.ts';
export { renderDocument } from './pdf/render.ts';
