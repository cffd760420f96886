import { useRef, useState } from 'preact/hooks';
import { api, session } from '../api/client';
import type { Product } from '../api/types';
import { can } from '../auth/roles';
import { useRealtime } from '../realtime/realtime';
import {
  Empty,
  ErrorBanner,
  Loading,
  Section,
  StatusBadge,
  useAction,
  useAsync,
} from '../ui/components';

const money = (product: Product) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency: product.currency }).format(
    product.priceMinor / 100,
  );

export function StockPage() {
  const operator = can(session.role, 'operator');
  const products = useAsync(
    () =>
      api((c) => c.GET('/api/v1/products', { params: { query: { limit: 100 } } })).then(
        (page) => page.items,
      ),
    [],
  );
  const displays = useAsync(
    () =>
      api((c) => c.GET('/api/v1/stock-displays', { params: { query: { limit: 100 } } })).then(
        (page) => page.items,
      ),
    [],
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const action = useAction();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Stock moves in bursts (a sale per request); reload once per burst rather than per event.
  const reloadSoon = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      products.reload();
    }, 300);
  };
  useRealtime(['stock'], {
    'catalog.stock.changed': reloadSoon,
    'catalog.products.changed': reloadSoon,
    'stock-display.status': (event) =>
      displays.set((list) =>
        list?.map((display) =>
          display.id === event.displayId
            ? {
                ...display,
                status: event.status,
                statusCode: event.code,
                statusReason: event.reason,
              }
            : display,
        ),
      ),
    'stock-display.changed': () => displays.reload(),
  });

  const setVisible = (productIds: string[], visible: boolean) =>
    action.run(async () => {
      await api((c) =>
        c.POST('/api/v1/bulk/products/visibility', { body: { productIds, visible } }),
      );
      setSelected(new Set());
      products.reload();
    });

  const list = products.data ?? [];
  return (
    <>
      <h1>Stock</h1>
      <Section
        title="Products"
        actions={
          operator &&
          selected.size > 0 && (
            <div class="row" role="group" aria-label="Bulk visibility">
              <span>{selected.size} selected</span>
              <button type="button" onClick={() => void setVisible([...selected], true)}>
                Show selected
              </button>
              <button type="button" onClick={() => void setVisible([...selected], false)}>
                Hide selected
              </button>
            </div>
          )
        }
      >
        <ErrorBanner error={action.error ?? products.error} />
        {products.loading && !products.data ? (
          <Loading />
        ) : list.length === 0 ? (
          <Empty>No products yet.</Empty>
        ) : (
          <table class="table">
            <thead>
              <tr>
                {operator && (
                  <th scope="col">
                    <span class="sr-only">Select</span>
                  </th>
                )}
                <th scope="col">Product</th>
                <th scope="col">Price</th>
                <th scope="col">Stock</th>
                <th scope="col">Shown</th>
              </tr>
            </thead>
            <tbody>
              {list.map((product) => (
                <tr key={product.id} data-sku={product.sku}>
                  {operator && (
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${product.name}`}
                        checked={selected.has(product.id)}
                        onChange={() => {
                          const next = new Set(selected);
                          if (next.has(product.id)) next.delete(product.id);
                          else next.add(product.id);
                          setSelected(next);
                        }}
                      />
                    </td>
                  )}
                  <td>
                    {product.emoji} {product.name} <code>{product.sku}</code>
                    {product.lowStock && <span class="badge badge-error"> low</span>}
                  </td>
                  <td>{money(product)}</td>
                  <td>
                    {operator ? (
                      <StockEditor
                        key={product.version}
                        product={product}
                        onSaved={products.reload}
                      />
                    ) : product.stock === null ? (
                      'unlimited'
                    ) : (
                      product.stock
                    )}
                  </td>
                  <td>
                    {operator ? (
                      <label class="switch">
                        <input
                          type="checkbox"
                          role="switch"
                          checked={product.visible}
                          aria-label={`Show ${product.name}`}
                          onChange={() => void setVisible([product.id], !product.visible)}
                        />
                        {product.visible ? 'shown' : 'hidden'}
                      </label>
                    ) : product.visible ? (
                      'shown'
                    ) : (
                      'hidden'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title="Displays">
        <ErrorBanner error={displays.error} />
        {displays.loading && !displays.data ? (
          <Loading />
        ) : (displays.data ?? []).length === 0 ? (
          <Empty>No stock display yet.</Empty>
        ) : (
          <ul class="results">
            {(displays.data ?? []).map((display) => (
              <li key={display.id} data-display={display.id}>
                <strong>{display.title}</strong> in channel {display.channelId}:{' '}
                <StatusBadge status={display.status} />
                {display.statusReason && <span class="muted"> {display.statusReason}</span>}
                {display.lastRenderedAt && (
                  <span class="muted">
                    {' '}
                    · updated {new Date(display.lastRenderedAt).toLocaleTimeString()}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function StockEditor({ product, onSaved }: { product: Product; onSaved: () => void }) {
  const [value, setValue] = useState(product.stock === null ? '' : String(product.stock));
  const action = useAction();
  const changed = value !== (product.stock === null ? '' : String(product.stock));
  const submit = (event: Event) => {
    event.preventDefault();
    const set = value.trim() === '' ? null : Number(value);
    void action
      .run(() =>
        api((c) =>
          c.POST('/api/v1/products/{id}/stock', {
            params: { path: { id: product.id } },
            body: { set, reason: 'dashboard edit' },
          }),
        ),
      )
      .then((result) => result && onSaved());
  };
  return (
    <form class="inline" onSubmit={submit}>
      <input
        type="number"
        min={0}
        inputMode="numeric"
        aria-label={`Stock of ${product.name} (empty for unlimited)`}
        value={value}
        onInput={(e) => setValue(e.currentTarget.value)}
      />
      {changed && (
        <button type="submit" disabled={action.pending}>
          Save
        </button>
      )}
      <ErrorBanner error={action.error} />
    </form>
  );
}
