/** A page text with its `{name}` placeholders filled in (a missing value leaves its placeholder). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
