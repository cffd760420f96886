const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats integer minor units in their currency (`1999` EUR → `€19.99`, `500` JPY → `¥500`),
 * with the currency's own number of minor digits. The division happens only here, for display;
 * amounts are never stored or compared as floats.
 */
export function formatPrice(minor: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minor / 10 ** digits);
}
