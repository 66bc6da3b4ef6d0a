/** The lint rule that keeps each process to its own imports refuses what it should. */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'valise/boundaries').map((m) => m.message);
}

describe('process boundaries', () => {
  it('refuses electron, better-sqlite3 and main code in the renderer', async () => {
    const found = await problems(
      'renderer/src/x.dom.ts',
      "import { app } from 'electron';\nimport Database from 'better-sqlite3';\nimport { openServices } from '../../main/services/create.node';\nexport const x = [app, Database, openServices];\n",
    );
    expect(found).toEqual([
      expect.stringContaining('may not import the package “electron”'),
      expect.stringContaining('may not import the package “better-sqlite3”'),
      expect.stringContaining('renderer/ may not import from main/'),
      expect.stringContaining('A .dom file may not import ../../main/services/create.node'),
    ]);
  });

  it('refuses electron in a main-process service', async () => {
    expect(
      await problems('main/services/x.node.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).toEqual([expect.stringContaining('may not import the package “electron”')]);
  });

  it('refuses an upward import from common', async () => {
    expect(
      await problems('common/x.std.ts', "import { x } from '../db/pipeline/issue/slug.std';\nexport const y = x;\n"),
    ).toEqual([expect.stringContaining('common/ may not import from db/')]);
  });

  it('refuses a main/services domain importing one above it, but not a type-only import', async () => {
    const found = await problems(
      'main/services/search/x.node.ts',
      "import { createImportService } from '../import/import.node';\nimport type { Library } from '../library/library.node';\nimport { workerClient } from '../workers/worker-rpc.node';\nexport const x = [createImportService, workerClient] as unknown as Library;\n",
    );
    expect(found).toEqual([expect.stringContaining('main/services/search/ may not import from main/services/import/')]);
  });

  it('requires a file name that says where it runs', async () => {
    expect(await problems('main/services/helper.ts', 'export const x = 1;\n')).toEqual([
      expect.stringContaining('File name must say where it runs'),
    ]);
  });

  it('refuses zod anywhere but the one module that sets it up, which may import it', async () => {
    const code = "import { z } from 'zod';\nexport const x = z.string();\n";
    for (const file of ['common/contract/x.std.ts', 'main/services/x.node.ts', 'renderer/src/x.dom.ts'])
      expect(await problems(file, code), file).toEqual([
        expect.stringContaining('may not import the package “zod” (import z from common/contract/zod.std.ts)'),
      ]);
    expect(await problems('common/contract/zod.std.ts', code)).toEqual([]);
  });

  it('accepts the electron glue importing electron', async () => {
    expect(
      await problems('main/electron/x.main.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).toEqual([]);
  });
});
