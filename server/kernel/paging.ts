import { DomainError } from './domain-error.ts';

/** Page numbers start at 1; a page holds at most MAX_PAGE_SIZE rows. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  page?: number;
  pageSize?: number;
}

export interface Paging {
  page: number;
  pageSize: number;
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** Rows matching the filter on every page. */
  total: number;
}

export function paging(request: PageRequest = {}): Paging {
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? DEFAULT_PAGE_SIZE;
  const fields = [];
  if (!Number.isSafeInteger(page) || page < 1 || page > 100_000)
    fields.push({ field: 'page', code: 'out_of_range', message: 'page is a whole number from 1.' });
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    fields.push({ field: 'pageSize', code: 'out_of_range', message: `pageSize is a whole number from 1 to ${MAX_PAGE_SIZE}.` });
  }
  if (fields.length) throw DomainError.invalid('invalid_paging', 'Invalid page or page size.', fields);
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}
