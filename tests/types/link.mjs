// tests/types/node_modules/centile -> ../../../pkg: the built package as consumers resolve it, through its exports.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);

export function linkPackage() {
  const link = path.join(here, 'node_modules/centile');
  if (!existsSync(link) || readlinkSync(link) !== '../../../pkg') {
    mkdirSync(path.dirname(link), { recursive: true });
    rmSync(link, { force: true });
    symlinkSync('../../../pkg', link, 'dir');
  }
  assert.ok(existsSync(path.join(here, '../../pkg/index.d.ts')), 'build the package first (make pkg)');
}
