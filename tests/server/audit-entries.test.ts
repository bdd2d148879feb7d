/** What the audit log records for each kind of admin action: who, when, what and the change (issue 19, part 5). */
import { describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/schemas';
import { contentInput, createContent } from '../helpers/api';
import { latest } from '../helpers/audit';
import { adminTestServer } from '../helpers/admin-server';
import { ADMIN_EMAIL } from '../helpers/server';

describe('audit entries', () => {
  const running = adminTestServer();
  const { call } = running;

  it('content create, edit (before and after of what changed), publish and archive', async () => {
    const item = await createContent(running.server, { title: 'Quarterly results' });
    const created = await latest(running.server, 'content.create');
    expect(created.actor).toEqual({ type: 'admin', id: expect.any(String), label: ADMIN_EMAIL });
    expect(created.target).toEqual({ type: 'content', id: item.id, label: 'Quarterly results' });
    expect(created.change).toMatchObject({ after: { title: 'Quarterly results' } });
    expect(Date.parse(created.at)).toBeGreaterThan(running.server.clock.now - 60_000);

    const edited = await call(`/v1/admin/content/${item.id}`, { method: 'PATCH', json: { title: 'Q3 results' } });
    expect(edited.status).toBe(200);
    const edit = await latest(running.server, 'content.edit');
    expect(edit.target).toEqual({ type: 'content', id: item.id, label: 'Q3 results' });
    expect(edit.change).toEqual({ before: { title: 'Quarterly results' }, after: { title: 'Q3 results' } });

    expect((await call(`/v1/admin/content/${item.id}/publish`, { method: 'POST' })).status).toBe(200);
    const publish = await latest(running.server, 'content.publish');
    expect(publish.target?.id).toBe(item.id);
    expect(publish.change).toMatchObject({ before: { status: 'draft' }, after: { status: 'published' } });

    expect((await call(`/v1/admin/content/${item.id}`, { method: 'DELETE' })).status).toBe(200);
    const archive = await latest(running.server, 'content.archive');
    expect(archive.change).toEqual({ before: { status: 'published' }, after: { status: 'archived' } });
    // Archiving again changes nothing: no second entry.
    expect((await call(`/v1/admin/content/${item.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await latest(running.server, 'content.archive')).id).toBe(archive.id);
  });

  it('a must-fix override, findable by its action, with the reason and the failed rules', async () => {
    const guidelines = { bannedTerms: [{ pattern: 'guaranteed returns', reason: 'Financial promotion rules' }] };
    expect((await call('/v1/admin/guidelines', { method: 'PUT', json: guidelines })).status).toBe(200);
    const response = await call('/v1/admin/content', {
      method: 'POST',
      json: contentInput({
        title: 'Bold claim',
        variants: { linkedin: ['Guaranteed returns!'] },
        publish: true,
        overrideReason: 'Legal approved',
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const item = (await response.json()) as ContentItem;
    const override = await latest(running.server, 'content.override');
    expect(override.target).toEqual({ type: 'content', id: item.id, label: 'Bold claim' });
    expect(override.change).toMatchObject({
      reason: 'Legal approved',
      failures: [expect.objectContaining({ kind: 'banned-term', network: 'linkedin' })],
    });
    // The reason is not a field of the content: the create's change leaves it out.
    expect((await latest(running.server, 'content.create')).change).not.toHaveProperty('after.overrideReason');
  });

  it('guidelines and scoring changes as before and after', async () => {
    const guidelines = await latest(running.server, 'guidelines.update');
    expect(guidelines.target).toEqual({ type: 'document', id: 'guidelines', label: null });
    expect(guidelines.change).toMatchObject({
      after: { bannedTerms: [{ pattern: 'guaranteed returns', reason: 'Financial promotion rules' }] },
    });
    const scoring = await (await call('/v1/admin/scoring')).json();
    const changed = { ...scoring, pointsPerClick: scoring.pointsPerClick + 1 };
    expect((await call('/v1/admin/scoring', { method: 'PUT', json: changed })).status).toBe(200);
    const entry = await latest(running.server, 'scoring.update');
    expect(entry.change).toEqual({
      before: { pointsPerClick: scoring.pointsPerClick },
      after: { pointsPerClick: scoring.pointsPerClick + 1 },
    });
  });

  it('invites created and revoked, never with the code', async () => {
    const response = await call('/v1/admin/invites', { method: 'POST', json: { maxUses: 3 } });
    const invite = (await response.json()) as { id: string; code: string };
    const created = await latest(running.server, 'invites.create');
    expect(created.target).toMatchObject({ type: 'invite', id: invite.id });
    expect(created.change).toMatchObject({ maxUses: 3 });
    expect((await call(`/v1/admin/invites/${invite.code}`, { method: 'DELETE' })).status).toBe(200);
    const revoked = await latest(running.server, 'invites.revoke');
    expect(revoked.target).toMatchObject({ type: 'invite', id: invite.id });
    expect(JSON.stringify([created, revoked])).not.toContain(invite.code);
  });

  it('an advocate removed: the token revocations counted, their name as the target', async () => {
    const ada = await running.server.enroll('Ada Lovelace');
    expect((await call(`/v1/admin/advocates/${ada.id}?erase=false`, { method: 'DELETE' })).status).toBe(200);
    const entry = await latest(running.server, 'advocates.remove');
    expect(entry.target).toEqual({ type: 'advocate', id: ada.id, label: 'Ada Lovelace' });
    expect(entry.change).toEqual({ erase: false, revokedTokens: 1 });
  });

  it('SCIM tokens created and revoked, with their label, never the token', async () => {
    const response = await call('/v1/admin/scim-tokens', { method: 'POST', json: { label: 'Okta' } });
    const token = (await response.json()) as { id: string; token: string };
    expect((await latest(running.server, 'scim-tokens.create')).target).toEqual({
      type: 'scim-token',
      id: token.id,
      label: 'Okta',
    });
    expect((await call(`/v1/admin/scim-tokens/${token.id}`, { method: 'DELETE' })).status).toBe(200);
    const revoked = await latest(running.server, 'scim-tokens.revoke');
    expect(revoked.target).toEqual({ type: 'scim-token', id: token.id, label: 'Okta' });
    expect(JSON.stringify(revoked)).not.toContain(token.token);
  });

  it('provisioning settings as before and after', async () => {
    expect((await call('/v1/admin/provisioning', { method: 'PUT', json: { onDelete: 'erase' } })).status).toBe(200);
    expect((await latest(running.server, 'provisioning.update')).change).toEqual({
      before: { onDelete: 'keep' },
      after: { onDelete: 'erase' },
    });
  });
});
