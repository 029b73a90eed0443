/**
 * The guard rails in eslint.config.js, each shown to fire on code that breaks it (docs/architecture.md
 * lists the layers they keep).
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../lib/tools/node/knowledge-files';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

/**
 * The rules that fire on `code` as if it were the file at `path` (relative to the project): an existing
 * file, so that the TypeScript project knows it; its text is replaced here.
 */
async function rulesFiring(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(PROJECT_ROOT, path) });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

describe('lint guard rails', { timeout: 120_000 }, () => {
  it('keeps Node modules out of browser code, and allows them in lib/tools/', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n";
    expect(await rulesFiring('lib/archive/dates.ts', code)).toContain('no-restricted-imports');
    expect(await rulesFiring('entrypoints/background.ts', code)).toContain('no-restricted-imports');
    expect(await rulesFiring('lib/tools/build/store-manifest.ts', code)).not.toContain('no-restricted-imports');
  });

  it('keeps extension APIs out of components', async () => {
    const code = "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;\n";
    expect(await rulesFiring('components/StatusLabel.tsx', code)).toContain('no-restricted-imports');
    expect(await rulesFiring('entrypoints/background.ts', code)).not.toContain('no-restricted-imports');
  });

  it('checks the rules of hooks in components', async () => {
    const code = [
      "import { useEffect, useState } from 'preact/hooks';",
      'export function Example({ on, id }: { on: boolean; id: string }) {',
      '  if (on) useState(0);',
      '  useEffect(() => console.log(id), []);',
      '  return null;',
      '}',
      '',
    ].join('\n');
    const fired = await rulesFiring('components/StatusLabel.tsx', code);
    expect(fired).toContain('react-hooks/rules-of-hooks');
    expect(fired).toContain('react-hooks/exhaustive-deps');
    // Hooks of their own live in .ts files too.
    const inHookFile = await rulesFiring('entrypoints/archive/use-focus-target.ts', code);
    expect(inHookFile).toContain('react-hooks/rules-of-hooks');
    expect(inHookFile).toContain('react-hooks/exhaustive-deps');
  });

  it('flags a promise left floating (type-aware)', async () => {
    const code = 'export async function later(): Promise<number> {\n  return 1;\n}\nlater();\n';
    expect(await rulesFiring('lib/archive/dates.ts', code)).toContain('@typescript-eslint/no-floating-promises');
    expect(await rulesFiring('lib/archive/dates.ts', code.replace('later();', 'void later();'))).not.toContain(
      '@typescript-eslint/no-floating-promises',
    );
  });

  it('flags an import cycle', async () => {
    // lib/text/fold.ts is imported by lib/scan/automaton.ts: importing it back closes a circle.
    const code = "import { buildAutomaton } from '../scan/automaton';\nexport const build = buildAutomaton;\n";
    expect(await rulesFiring('lib/text/fold.ts', code)).toContain('import-x/no-cycle');
    expect(await rulesFiring('lib/archive/dates.ts', code)).not.toContain('import-x/no-cycle');
  });
});
