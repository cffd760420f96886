/**
 * Upserts products by sku (ignoring case) in ONE statement. `$1` is a jsonb array of rows
 * holding only the fields the client sent (so `doc ? 'stock'` tells "left out" from null);
 * `$2` is the actor.
 *
 * Existing products are locked in id order and merged field by field (a left-out optional
 * field keeps its value), updated only when something differs (their version moves); new
 * skus are inserted with defaults. A stock change either way appends a ledger row. The result
 * is one row per input row, in order, with what happened to it and what the events need.
 */
export const UPSERT_PRODUCTS = `
WITH input AS (
  SELECT e.doc, e.n, lower(e.doc->>'sku') AS key
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(doc, n)
),
existing AS (
  SELECT p.* FROM products p
   WHERE lower(p.sku) IN (SELECT key FROM input)
   ORDER BY p.id
     FOR UPDATE
),
merged AS (
  SELECT e.id, e.stock AS before, e.category AS old_category,
         i.doc->>'sku' AS sku,
         i.doc->>'name' AS name,
         CASE WHEN i.doc ? 'description' THEN i.doc->>'description' ELSE e.description END AS description,
         CASE WHEN i.doc ? 'category' THEN i.doc->>'category' ELSE e.category END AS category,
         (i.doc->>'priceMinor')::bigint AS price_minor,
         i.doc->>'currency' AS currency,
         CASE WHEN i.doc ? 'stock' THEN (i.doc->>'stock')::int ELSE e.stock END AS stock,
         COALESCE((i.doc->>'lowStockThreshold')::int, e.low_stock_threshold) AS low_stock_threshold,
         COALESCE((i.doc->>'visible')::boolean, e.visible) AS visible,
         COALESCE((i.doc->>'sortOrder')::int, e.sort_order) AS sort_order,
         CASE WHEN i.doc ? 'emoji' THEN i.doc->>'emoji' ELSE e.emoji END AS emoji,
         CASE WHEN i.doc ? 'alertChannelId' THEN i.doc->>'alertChannelId' ELSE e.alert_channel_id END
           AS alert_channel_id,
         CASE WHEN i.doc ? 'alertRoleId' THEN i.doc->>'alertRoleId' ELSE e.alert_role_id END
           AS alert_role_id
    FROM input i JOIN existing e ON lower(e.sku) = i.key
),
updated AS (
  UPDATE products p
     SET sku = m.sku, name = m.name, description = m.description, category = m.category,
         price_minor = m.price_minor, currency = m.currency, stock = m.stock,
         low_stock_threshold = m.low_stock_threshold, visible = m.visible,
         sort_order = m.sort_order, emoji = m.emoji, alert_channel_id = m.alert_channel_id,
         alert_role_id = m.alert_role_id, version = p.version + 1, updated_at = now()
    FROM merged m
   WHERE p.id = m.id
     AND (p.sku, p.name, p.description, p.category, p.price_minor, p.currency, p.stock,
          p.low_stock_threshold, p.visible, p.sort_order, p.emoji, p.alert_channel_id,
          p.alert_role_id)
         IS DISTINCT FROM
         (m.sku, m.name, m.description, m.category, m.price_minor, m.currency, m.stock,
          m.low_stock_threshold, m.visible, m.sort_order, m.emoji, m.alert_channel_id,
          m.alert_role_id)
  RETURNING p.id
),
inserted AS (
  INSERT INTO products (sku, name, description, category, price_minor, currency, stock,
                        low_stock_threshold, visible, sort_order, emoji, alert_channel_id,
                        alert_role_id)
  SELECT i.doc->>'sku', i.doc->>'name', i.doc->>'description', i.doc->>'category',
         (i.doc->>'priceMinor')::bigint, i.doc->>'currency',
         CASE WHEN i.doc ? 'stock' THEN (i.doc->>'stock')::int ELSE 0 END,
         COALESCE((i.doc->>'lowStockThreshold')::int, 0),
         COALESCE((i.doc->>'visible')::boolean, true),
         COALESCE((i.doc->>'sortOrder')::int, 0),
         i.doc->>'emoji', i.doc->>'alertChannelId', i.doc->>'alertRoleId'
    FROM input i
   WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE lower(e.sku) = i.key)
   ORDER BY i.n
  RETURNING id, lower(sku) AS key, stock
),
ledger AS (
  INSERT INTO stock_movements (product_id, actor_id, delta, quantity, reason)
  SELECT m.id, $2::uuid, m.stock - m.before, m.stock, 'bulk upsert'
    FROM merged m
   WHERE m.stock IS DISTINCT FROM m.before
  UNION ALL
  SELECT ins.id, $2::uuid, ins.stock, ins.stock, 'initial stock'
    FROM inserted ins
   WHERE ins.stock > 0
)
SELECT i.n - 1 AS row, COALESCE(m.id, ins.id) AS id, i.doc->>'sku' AS sku,
       CASE WHEN ins.id IS NOT NULL THEN 'created'
            WHEN u.id IS NOT NULL THEN 'updated'
            ELSE 'unchanged' END AS outcome,
       COALESCE(m.category, i.doc->>'category') AS category, m.old_category,
       m.before, m.stock AS after, m.low_stock_threshold
  FROM input i
  LEFT JOIN merged m ON lower(m.sku) = i.key
  LEFT JOIN updated u ON u.id = m.id
  LEFT JOIN inserted ins ON ins.key = i.key
 ORDER BY i.n
`;
