/** lib/roles.ts: the owner has everything, unknown stored roles read as the least privileged, and docs/api.md's table is the table. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, permissionTableMarkdown, ROLES, roleOf } from './roles';

describe('roles', () => {
  it('gives the owner every permission and every role a session', () => {
    for (const permission of PERMISSIONS) expect(can('owner', permission), permission).toBe(true);
    for (const role of ROLES) expect(can(role, 'session'), role).toBe(true);
    expect(can('analyst', 'content.read')).toBe(false);
    expect(can('editor', 'admins.manage')).toBe(false);
    expect(roleOf('superuser')).toBe('analyst');
    expect(roleOf('approver')).toBe('approver');
  });

  it('is documented in docs/api.md exactly as lib/roles.ts has it', () => {
    const doc = readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8');
    const table =
      /<!-- roles-table: generated from lib\/roles\.ts permissionTableMarkdown\(\) -->\n([\s\S]*?)\n<!-- \/roles-table -->/.exec(
        doc,
      );
    expect(table, 'docs/api.md needs the roles table between its markers').not.toBeNull();
    // Cell by cell: a formatter may pad the columns.
    const cells = (markdown: string) =>
      markdown
        .trim()
        .split('\n')
        .filter((_line, index) => index !== 1)
        .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(cells(table![1]!)).toEqual(cells(permissionTableMarkdown()));
  });
});
