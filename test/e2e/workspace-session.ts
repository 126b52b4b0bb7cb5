/**
 * What every browser test starts with: the local workspace on a fresh temp database, a headless
 * Chromium, and a page signed in as a person once the live channel is up. `stop` closes it all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Clock } from '../../src/ports/clock.js';
import { startLocalApp, type LocalApp } from '../../adapters/local/testing.js';
import { launchChromium } from './browser.js';

export interface WorkspaceInBrowser {
  /** The temp folder holding the database (and `files/`). */
  dir: string;
  app: LocalApp;
  browser: Browser;
}

export interface OpenAsOptions {
  viewport?: { width: number; height: number };
  /** A conversation to open, as the `c` query parameter. */
  path?: string;
  /** Accept every confirm() the page asks (the demo's reset). */
  acceptDialogs?: boolean;
}

export function workspaceSession(prefix: string, clock: Clock) {
  const contexts: BrowserContext[] = [];
  const w: Partial<WorkspaceInBrowser> = {};
  return {
    async start(): Promise<WorkspaceInBrowser> {
      w.dir = mkdtempSync(join(tmpdir(), prefix));
      w.app = await startLocalApp({ PORT: '0', DANDANG_DB: join(w.dir, 'dandang.db') }, clock);
      w.browser = await launchChromium();
      return w as WorkspaceInBrowser;
    },

    /** A page of its own (a new browser context) for `personId`, once the live channel is on. */
    async openAs(personId: string, o: OpenAsOptions = {}): Promise<Page> {
      const context = await w.browser!.newContext({ viewport: o.viewport ?? { width: 1280, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      if (o.acceptDialogs) page.on('dialog', (d) => void d.accept());
      await page.goto(`${w.app!.url}/?as=${personId}${o.path ? `&c=${encodeURIComponent(o.path)}` : ''}`);
      await page.locator('#live-status.on').waitFor();
      return page;
    },

    async stop(): Promise<void> {
      for (const c of contexts) await c.close().catch(() => {});
      await w.browser?.close();
      await w.app?.stop();
      if (w.dir) rmSync(w.dir, { recursive: true, force: true });
    },
  };
}
