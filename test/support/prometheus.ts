import parsePrometheusTextFormat, {
  type PrometheusFamily,
  type PrometheusSample,
} from 'parse-prometheus-text-format';

export type { PrometheusFamily, PrometheusSample };

export interface Scrape {
  /** Every family by name. A histogram appears as its `_bucket`, `_sum` and `_count` series. */
  families: Map<string, PrometheusFamily>;
  /** Each family's declared type, histograms included (`HISTOGRAM`). */
  types: Map<string, PrometheusFamily['type']>;
  contentType: string;
}

const HISTOGRAM_SUFFIX = ' histogram';

/**
 * Fetches a Prometheus endpoint with the bearer token and parses the exposition text. The
 * parser keeps only unlabelled histograms (it merges labelled ones into one sample and drops
 * their labels), so histograms are parsed a second time declared untyped: each of their
 * component series then comes out whole, labels and all.
 */
export async function scrape(url: string, token: string): Promise<Scrape> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`scrape ${url}: ${res.status} ${text}`);
  const declared = parsePrometheusTextFormat(text);
  const types = new Map(declared.map((family) => [family.name, family.type]));
  const untyped = text
    .split('\n')
    .map((line) =>
      line.startsWith('# TYPE ') && line.endsWith(HISTOGRAM_SUFFIX)
        ? `${line.slice(0, -HISTOGRAM_SUFFIX.length)} untyped`
        : line,
    )
    .join('\n');
  const families = new Map(parsePrometheusTextFormat(untyped).map((f) => [f.name, f]));
  return { families, types, contentType: res.headers.get('content-type') ?? '' };
}

/** The samples of a family whose labels include `labels`. */
export function samples(
  families: Map<string, PrometheusFamily>,
  name: string,
  labels: Record<string, string> = {},
): PrometheusSample[] {
  const family = families.get(name);
  if (!family) return [];
  return family.metrics.filter((sample) =>
    Object.entries(labels).every(([key, value]) => sample.labels?.[key] === value),
  );
}

/** Sum of the matching samples' values; 0 when there are none. */
export function total(
  families: Map<string, PrometheusFamily>,
  name: string,
  labels: Record<string, string> = {},
): number {
  return samples(families, name, labels).reduce((sum, sample) => sum + Number(sample.value), 0);
}
