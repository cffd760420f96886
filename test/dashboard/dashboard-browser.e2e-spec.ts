import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { authHeader, createUser, type TestUser, uniqueClientIp } from '../support/auth';
import { eventually } from '../support/eventually';
import { startRuntimeWorld, type RuntimeWorld } from '../runtime/support/runtime-world';
import { axeViolations, buildDashboard, launchChromium, SCREENSHOTS } from './support/browser';

const PLAYER = { id: '700000000000000001', username: 'shopper' };

describe('the dashboard in Chromium, against the real stack and the sandbox', () => {
  let outDir: string;
  let world: RuntimeWorld;
  let browser: Browser;
  let admin: TestUser;
  let viewer: TestUser;
  let context: BrowserContext;
  let page: Page;
  let channelId: string;
  let first: { id: string; name: string; applicationId: string };

  const call = (method: 'get' | 'post', path: string, body?: object) =>
    request(world.api.url)[method](`/api/v1${path}`).set(authHeader(world.operator)).send(body);

  async function signIn(target: Page, user: TestUser) {
    await target.goto(world.api.url);
    await target.getByLabel('Email').fill(user.email);
    await target.getByLabel('Password').fill(user.password);
    await target.getByRole('button', { name: 'Sign in' }).click();
    await target.getByRole('heading', { name: 'Fleet' }).waitFor();
    await target.getByTestId('live').filter({ hasText: 'Live' }).waitFor();
  }

  async function visit(target: Page, label: string, heading: string) {
    await target
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: label })
      .click();
    await target.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }

  async function check(target: Page, name: string) {
    await target.waitForLoadState('networkidle');
    await target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    expect(await axeViolations(target)).toEqual([]);
  }

  beforeAll(async () => {
    // The API looks for the build when it starts: build first.
    outDir = await buildDashboard();
    world = await startRuntimeWorld({}, { DASHBOARD_DIR: outDir, COMMAND_LOG_FLUSH_MS: '50' });
    await world.startWorker();
    browser = await launchChromium();
    admin = await createUser(world.api, { role: 'admin' });
    viewer = await createUser(world.api, { role: 'viewer' });
    channelId = await world.sandbox.control.createChannel(world.guildId, 'shop');
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await world?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('signs in and shows a new sandbox bot going online without a reload', async () => {
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { 'x-forwarded-for': uniqueClientIp() },
    });
    page = await context.newPage();
    await page.goto(world.api.url);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The envelope's message and code, as the API sent them.
    const refused = page.getByRole('alert');
    await refused.waitFor();
    expect(await refused.locator('code').textContent()).toBe('INVALID_CREDENTIALS');
    await check(page, 'sign-in');
    await signIn(page, admin);
    await check(page, 'sign-in-fleet-empty');

    const name = `dash-${Date.now().toString(36)}`;
    const created = await world.sandbox.control.createBot(name);
    await world.sandbox.control.addBotToGuild(world.guildId, created.userId);
    await page.getByText('Add a bot').click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Bot token').fill(created.token);
    await page.getByLabel('Tags (comma-separated)').fill('browser');
    await page.getByRole('button', { name: 'Add bot' }).click();
    const row = page.locator(`tr[data-bot="${name}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: `Start ${name}`, exact: true }).click();
    await row.locator('[data-status="online"]').waitFor({ timeout: 15_000 });
    await check(page, 'fleet');
    const listed = await call('get', `/bots?name=${name}`);
    first = {
      id: (listed.body as { items: { id: string }[] }).items[0].id,
      name,
      applicationId: created.applicationId,
    };
  });

  it('shows a /ping played in the sandbox in the live tail', async () => {
    await visit(page, 'Commands', 'Commands');
    await page.getByText('No command served yet.').waitFor();
    const played = await world.sandbox.control.playInteraction({
      applicationId: first.applicationId,
      guildId: world.guildId,
      channelId,
      user: PLAYER,
      command: 'ping',
    });
    expect(played.delivered).toBe(true);
    await page.locator('tr[data-command="ping"] [data-status="success"]').waitFor();
    await check(page, 'commands');
  });

  it('hides a product with its switch and the sandbox stock message drops it', async () => {
    const product = (body: object) =>
      call('post', '/products', {
        currency: 'EUR',
        priceMinor: 250,
        stock: 5,
        category: 'dash',
        ...body,
      });
    await product({ sku: 'DASH-PEAR', name: 'Dashboard Pear' });
    await product({ sku: 'DASH-FIG', name: 'Dashboard Fig' });
    const display = await call('post', '/stock-displays', {
      title: 'Live stock',
      botId: first.id,
      guildId: world.guildId,
      channelId,
      categories: ['dash'],
    });
    expect(display.status).toBe(201);
    const shown = async () => {
      const messages = await world.sandbox.control.channelMessages(channelId);
      return messages
        .flatMap((message) => (message.embeds ?? []) as { description?: string }[])
        .map((embed) => embed.description ?? '')
        .join('\n');
    };
    await eventually('the display to show both products', async () =>
      expect(await shown()).toContain('Dashboard Pear'),
    );

    await visit(page, 'Stock', 'Stock');
    await page
      .locator(`[data-display="${(display.body as { id: string }).id}"] [data-status="live"]`)
      .waitFor();
    await check(page, 'stock');
    await page.getByRole('switch', { name: 'Show Dashboard Pear' }).click();
    await page.locator('tr[data-sku="DASH-PEAR"]').getByText('hidden').waitFor();
    await eventually('the stock message to drop the hidden product', async () => {
      const text = await shown();
      expect(text).not.toContain('Dashboard Pear');
      expect(text).toContain('Dashboard Fig');
    });
  });

  it('stops many bots in bulk with a live progress bar to completion', async () => {
    const second = await world.createBot({ name: `dash-two-${Date.now().toString(36)}` });
    await world.lifecycle('start', second.id);
    await world.waitForStatus(second.id, ['online']);
    await visit(page, 'Fleet', 'Fleet');
    const rows = page.locator('tbody tr');
    await rows.nth(1).waitFor();
    await page.getByRole('checkbox', { name: 'Select every bot shown' }).check();
    await page.getByRole('button', { name: 'Stop selected' }).click();
    const operation = page.locator('[data-testid="operation"][data-status="completed"]');
    await operation.waitFor({ timeout: 20_000 });
    expect(await operation.textContent()).toContain('2 succeeded, 0 failed, 0 pending of 2');
    expect(await operation.getByRole('progressbar').getAttribute('value')).toBe('100');
    await page.locator(`tr[data-bot="${first.name}"] [data-status="stopped"]`).waitFor();
    await check(page, 'fleet-bulk-stop');
  });

  it('passes axe on the other pages, at a phone width and in the dark theme', async () => {
    await page.getByRole('link', { name: first.name }).click();
    await page.getByRole('heading', { name: 'Configuration' }).waitFor();
    await check(page, 'bot');
    await visit(page, 'Announcements', 'Announcements');
    await page.getByLabel('Message').fill('**Sale** today, @everyone');
    await page.getByTestId('preview').getByText('Sale').waitFor();
    await check(page, 'announcements');
    await visit(page, 'System', 'System');
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await check(page, 'system');
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, 'Fleet', 'Fleet');
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await check(page, 'fleet-phone-dark');
  });

  it('shows a viewer no button it cannot use, keeps it signed in over a reload, signs it out', async () => {
    const viewerContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { 'x-forwarded-for': uniqueClientIp() },
    });
    try {
      const viewing = await viewerContext.newPage();
      await signIn(viewing, viewer);
      expect(await viewing.getByTestId('role').textContent()).toBe('viewer');
      await viewing.locator(`tr[data-bot="${first.name}"]`).waitFor();
      // The tag filter's checkboxes stay: filtering is for everyone.
      const actions = viewing.locator('main button, main table input, main summary');
      expect(await actions.count()).toBe(0);
      await check(viewing, 'fleet-viewer');
      await viewing.getByRole('link', { name: first.name }).click();
      await viewing.getByRole('heading', { name: 'Configuration' }).waitFor();
      expect(await actions.count()).toBe(0);
      await visit(viewing, 'Stock', 'Stock');
      await viewing.locator('tr[data-sku="DASH-PEAR"]').waitFor();
      expect(await viewing.locator('main button, main input').count()).toBe(0);
      await visit(viewing, 'Announcements', 'Announcements');
      expect(await viewing.locator('main button, main textarea').count()).toBe(0);
      await visit(viewing, 'System', 'System');
      expect(await viewing.getByRole('heading', { name: 'Audit trail' }).count()).toBe(0);

      // A reload signs back in with the rotated refresh token; signing out revokes it.
      await viewing.reload();
      await viewing.getByRole('heading', { name: 'System', level: 1 }).waitFor();
      await viewing.getByRole('button', { name: 'Sign out' }).click();
      await viewing.getByRole('heading', { name: 'Sign in to Botdeck' }).waitFor();
      await viewing.reload();
      await viewing.getByRole('heading', { name: 'Sign in to Botdeck' }).waitFor();
    } finally {
      await viewerContext.close();
    }
  });
});
