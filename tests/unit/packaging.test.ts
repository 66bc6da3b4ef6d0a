/**
 * electron-builder cannot run here (it downloads Electron), so its configuration is checked
 * against electron-builder's own JSON schema, and for what the project needs of it.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
interface BuilderConfig {
  productName: string;
  appId: string;
  files: string[];
  extraResources: unknown[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
}
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('builds Linux AppImage and deb, Windows NSIS and macOS dmg, as Valise', () => {
    expect(config.productName).toBe('Valise');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('ships the content database as an extra resource and unpacks the native module', () => {
    expect(config.extraResources).toContainEqual({ from: 'out/content/content.sqlite', to: 'content/content.sqlite' });
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
  });

  it('sets the security fuses of the packaged app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('never packages the development web host, the tests or the sources', () => {
    expect(config.files.every((f) => f.startsWith('out/') || f === 'package.json' || f.startsWith('!'))).toBe(true);
  });
});
