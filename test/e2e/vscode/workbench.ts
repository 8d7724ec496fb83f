/**
 * What an editor does in the VS Code workbench, as playwright steps: open a file from the Explorer,
 * run a palette command by its label, select text with Find, read the status bar and the Problems
 * panel. Every wait is on a selector or a condition with a time limit, never a bare sleep.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** User settings that keep the workbench quiet and predictable; none concerns jiaodui. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'editor.unicodeHighlight.nonBasicASCII': false,
  'editor.unicodeHighlight.ambiguousCharacters': false,
  'editor.minimap.enabled': false,
  // Prose: a 300-character paragraph stays on screen, and so does its lightbulb.
  'editor.wordWrap': 'on',
  'files.autoSave': 'off',
};

export interface ProblemRow {
  label: string;
  text: string;
}

export class Workbench {
  private shot = 0;

  constructor(
    readonly page: Page,
    private readonly artifacts: string,
  ) {
    fs.mkdirSync(artifacts, { recursive: true });
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(this.artifacts, `${String(++this.shot).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /** Opens a file by clicking it in the Explorer, then waits until its editor has focus. */
  async openFile(name: string): Promise<void> {
    await this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).click();
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: 30_000 });
    await this.editor().locator('.view-lines').waitFor({ timeout: 30_000 });
    await this.editor().locator('.view-lines').click();
  }

  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Opens the command palette and runs the command whose full label (category: title) is `label`. */
  async runCommand(label: string): Promise<void> {
    const input = await this.quickInput('F1');
    await input.fill(`>${label}`);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  private async quickInput(key: string): Promise<Locator> {
    await this.page.keyboard.press(key);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: 10_000 });
    return input;
  }

  /** Selects the first occurrence of `text` in the active editor through the Find widget. */
  async select(text: string): Promise<void> {
    await this.editor().locator('.view-lines').click();
    await this.page.keyboard.press('Control+f');
    const find = this.editor().locator('.find-widget textarea[aria-label="Find"]');
    await find.waitFor({ timeout: 10_000 });
    await find.fill(text);
    await this.editor().locator('.find-widget .matchesCount', { hasText: /^1 of/ }).waitFor({ timeout: 10_000 });
    // Escape closes Find and leaves the match selected in the focused editor; but while a notification
    // toast is on screen, the first Escape only hides the toasts (they stay in the notification centre).
    const findOpen = this.editor().locator('.find-widget.visible');
    for (let attempt = 0; attempt < 3 && (await findOpen.count()) > 0; attempt++) {
      await this.page.keyboard.press('Escape');
      await findOpen.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
    }
    await findOpen.waitFor({ state: 'hidden', timeout: 1_000 });
  }

  /**
   * Clicks into the squiggle under the first occurrence of `text`, as an editor clicks a flagged word:
   * the cursor lands inside the finding, and the lightbulb appears for it.
   */
  async clickFinding(text: string): Promise<void> {
    await this.select(text);
    const point = (await this.page.evaluate(`(() => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      const selected = editor && editor.querySelector('.selected-text');
      if (!selected) return null;
      const s = selected.getBoundingClientRect();
      for (const squiggle of editor.querySelectorAll('[class*="squiggly-"]')) {
        const r = squiggle.getBoundingClientRect();
        if (r.right > s.left && r.left < s.right && r.bottom > s.top && r.top < s.bottom) {
          return { x: (Math.max(r.left, s.left) + Math.min(r.right, s.right)) / 2, y: (Math.max(r.top, s.top) + Math.min(r.bottom, s.bottom)) / 2 };
        }
      }
      return null;
    })()`)) as { x: number; y: number } | null;
    if (!point) throw new Error(`no squiggle under “${text}”`);
    await this.page.mouse.click(point.x, point.y);
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+s');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  statusItem(idSuffix: string): Locator {
    return this.page.locator(`.statusbar-item[id$="${idSuffix}"]`);
  }

  /** Waits until the status bar's jiaodui count satisfies `accept`, and returns it. */
  async findingCount(accept: (count: number) => boolean = () => true, timeout = 60_000): Promise<number> {
    const item = this.statusItem('jiaodui.findings');
    let last: string | undefined;
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      last = (await item.count()) > 0 ? await item.innerText() : undefined;
      const match = last ? /校对\s*(\d+)/.exec(last) : null;
      const count = match ? Number(match[1]) : last?.includes('校对') ? 0 : undefined;
      if (count !== undefined && accept(count)) return count;
      await this.page.waitForTimeout(200);
    }
    throw new Error(`status bar count not as expected within ${timeout} ms (last: ${JSON.stringify(last)})`);
  }

  /** The Problems panel rows for one file (the panel must be open). */
  async problemRows(fileName: string, expected: number): Promise<ProblemRow[]> {
    const file = this.page.locator('.markers-panel .monaco-list-row', { hasText: fileName }).first();
    await file.waitFor({ timeout: 30_000 });
    const rows = this.page.locator('.markers-panel .monaco-list-row[aria-label*=" at line "]');
    await this.page.waitForFunction(
      `document.querySelectorAll('.markers-panel .monaco-list-row[aria-label*=" at line "]').length >= ${Math.min(expected, 10)}`,
      undefined,
      { timeout: 30_000 },
    );
    const result: ProblemRow[] = [];
    for (const row of await rows.all()) {
      result.push({ label: (await row.getAttribute('aria-label')) ?? '', text: await row.innerText() });
    }
    return result;
  }

  /** Every notification of this window, including toasts that have already hidden themselves. */
  async notifications(): Promise<string[]> {
    await this.runCommand('Notifications: Show Notifications');
    const centre = this.page.locator('.notifications-center');
    await centre.waitFor({ timeout: 10_000 });
    const entries = await centre.locator('.notification-list-item').allInnerTexts();
    await this.runCommand('Notifications: Hide Notifications');
    await centre.waitFor({ state: 'hidden', timeout: 10_000 });
    return entries;
  }

  /** The text of the rendered editor lines (only the lines in view are rendered). */
  async visibleText(): Promise<string> {
    return (await this.editor().locator('.view-lines .view-line').allInnerTexts()).join('\n');
  }
}
