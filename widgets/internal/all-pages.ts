import type { ApiClient } from '../api/api-client.ts';

/** Every page of a list, 100 at a time (the API's largest page), in the API's order. */
export async function allPages<T>(api: ApiClient, path: string, query: Record<string, string>, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const list = await api.get<{ items: T[]; total: number }>(path, { ...query, page, pageSize: 100 }, signal);
    items.push(...list.items);
    if (items.length >= list.total || !list.items.length) return items;
  }
}
