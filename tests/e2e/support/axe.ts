// Runs axe-core in the page (injected with evaluate: the CSP forbids adding script tags) and
// returns its violations, described for a readable failure: every impact (`axeViolations`, the
// target for every screen), or only the serious and critical ones.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function violations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations;
  })) as AxeViolation[];
  return found;
}

function described(found: AxeViolation[]): string[] {
  return found.map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every violation, of any impact: minor and moderate ones included. */
export async function axeViolations(page: Page): Promise<string[]> {
  return described(await violations(page));
}

/** Only the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  return described((await violations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical'));
}
