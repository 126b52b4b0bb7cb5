/** Headless Debian Chromium through playwright-core, and the accessibility smoke check. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
export const SHOTS = join(process.cwd(), 'test-output', 'e2e');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The viewport, or with `fullPage` the whole page (a dashboard's seven charts in one picture). */
export async function screenshot(page: Page, name: string, dir = SHOTS, o: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: o.fullPage ?? false });
}

/**
 * Every visible interactive control (button, input, select, textarea, a[href]) must have an
 * accessible name: a label, aria-label(ledby), or text content. Returns the ones that do not.
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nameOf = (el: Element): string => {
      const labelled = el.getAttribute('aria-labelledby');
      if (labelled)
        return labelled
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      const aria = el.getAttribute('aria-label');
      if (aria) return aria.trim();
      const labels = (el as HTMLInputElement).labels;
      if (labels && labels.length)
        return [...labels]
          .map((l) => l.textContent ?? '')
          .join(' ')
          .trim();
      if (el instanceof HTMLButtonElement || el instanceof HTMLAnchorElement)
        return (el.textContent ?? '').trim() || (el.getAttribute('title') ?? '');
      return el.getAttribute('title') ?? '';
    };
    const controls = document.querySelectorAll('button, input:not([type="hidden"]), select, textarea, a[href]');
    const missing: string[] = [];
    for (const el of controls) {
      const visible = !!(el as HTMLElement).offsetParent || (el as HTMLElement).closest('dialog[open]');
      if (visible && !nameOf(el)) missing.push(el.outerHTML.slice(0, 120));
    }
    return missing;
  });
}
