/** Approvals: submit, approve (publish) and reject, who may do which, scheduling, and approvals off. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/schemas';
import { expectProblem, HOUR, iso, MINUTE } from '../helpers/api';
import { approvalCalls, type Admin } from '../helpers/approvals';
import { startTestServer, type TestServer } from '../helpers/server';

describe('approvals', () => {
  let server: TestServer;
  let editor: Admin;
  let approver: Admin;
  let owner: Admin;
  const api = approvalCalls(() => server);
  const { ok, draft, submit, publish, reject, get, patch, create, setApprovals } = api;

  beforeAll(async () => {
    server = await startTestServer({ sessionTtlMs: 365 * 24 * HOUR });
    editor = await server.adminAs('editor');
    approver = await server.adminAs('approver');
    owner = await server.adminAs('owner');
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('off (the default)', () => {
    it('is off until the owner turns it on, and an editor publishes directly', async () => {
      expect(await ok(server.call('/v1/admin/settings/approvals', { token: editor.token }))).toEqual({
        enabled: false,
        email: false,
      });
      const post = await draft(editor);
      expect(post.review).toBeNull();
      expect(await ok<ContentItem>(publish(editor, post.id))).toMatchObject({ status: 'published', review: null });
      expect(await ok<ContentItem>(create(editor, { publish: true }), 201)).toMatchObject({ status: 'published' });
      await expectProblem(await submit(editor, (await draft(editor)).id), 409, 'approvals-off');
      await expectProblem(await create(editor, { submit: true }), 409, 'approvals-off');
    });

    it('lets only owners change the setting', async () => {
      for (const admin of [editor, approver]) {
        const response = await server.call('/v1/admin/settings/approvals', {
          method: 'PUT',
          json: { enabled: true, email: false },
          token: admin.token,
        });
        await expectProblem(response, 403, 'forbidden-role');
      }
    });
  });

  describe('on', () => {
    beforeAll(async () => {
      await setApprovals(true);
    });
    afterAll(async () => {
      await setApprovals(false);
    });

    it('submits a draft: pending, with who and when; the editor cannot publish it', async () => {
      const post = await draft(editor);
      const pending = await ok<ContentItem>(submit(editor, post.id, { note: 'Ready — please check the link' }));
      expect(pending.status).toBe('pending');
      expect(pending.review).toMatchObject({
        state: 'pending',
        submittedBy: editor.id,
        submittedByName: editor.email,
        note: 'Ready — please check the link',
        reviewedBy: null,
        comment: null,
      });
      expect(Date.parse(pending.review!.submittedAt!)).toBeGreaterThan(0);
      await expectProblem(await publish(editor, post.id), 403, 'approval-required');
      await expectProblem(await create(editor, { publish: true }), 403, 'approval-required');
      expect((await get(editor, post.id)).status).toBe('pending');
    });

    it('lets an approver publish a pending post, recording who approved it and when', async () => {
      const post = await ok<ContentItem>(create(editor, { submit: true }), 201);
      expect(post).toMatchObject({ status: 'pending', review: { state: 'pending', submittedBy: editor.id } });
      const submitted = await server.deps.db
        .selectFrom('audit_log')
        .selectAll()
        .where('target_id', '=', post.id)
        .where('action', '=', 'content.submit')
        .executeTakeFirst();
      expect(submitted?.actor_id).toBe(editor.id);
      const published = await ok<ContentItem>(publish(approver, post.id, { comment: 'Looks good' }));
      expect(published).toMatchObject({
        status: 'published',
        review: { state: 'approved', reviewedBy: approver.id, reviewedByName: approver.email, comment: 'Looks good' },
      });
      // The audit log records the approval with its comment.
      const entry = await server.deps.db
        .selectFrom('audit_log')
        .selectAll()
        .where('target_id', '=', post.id)
        .where('action', '=', 'content.approve')
        .executeTakeFirst();
      expect(entry?.actor_id).toBe(approver.id);
      expect(entry?.change).toContain('Looks good');
    });

    it('refuses to publish a draft that was not submitted', async () => {
      const post = await draft(editor);
      await expectProblem(await publish(approver, post.id), 409, 'not-pending');
    });

    it('refuses self-approval: the submitter, even an owner, and whoever last edited it', async () => {
      const own = await ok<ContentItem>(create(owner, { submit: true }), 201);
      await expectProblem(await publish(owner, own.id), 403, 'self-approval');
      await expectProblem(await reject(owner, own.id, { comment: 'no' }), 403, 'self-approval');
      await expectProblem(await create(owner, { publish: true }), 403, 'self-approval');

      const edited = await ok<ContentItem>(create(editor, { submit: true }), 201);
      expect((await patch(owner, edited.id, { title: 'The owner tweaked the title' })).status).toBe(200);
      await expectProblem(await publish(owner, edited.id), 403, 'self-approval');
      // Someone else may: the approver neither submitted nor last edited it.
      expect(await ok<ContentItem>(publish(approver, edited.id))).toMatchObject({ status: 'published' });
    });

    it('rejects with a required comment: back to draft, the comment shown; resubmitting clears it', async () => {
      const post = await ok<ContentItem>(create(editor, { submit: true }), 201);
      const missing = await reject(approver, post.id, {});
      expect(missing.status).toBe(422);
      await expectProblem(await reject(approver, post.id, { comment: '   ' }), 422);
      await expectProblem(await reject(editor, post.id, { comment: 'x' }), 403, 'forbidden-role');
      const rejected = await ok<ContentItem>(reject(approver, post.id, { comment: 'Add the #ad disclosure.' }));
      expect(rejected).toMatchObject({
        status: 'draft',
        review: { state: 'rejected', reviewedBy: approver.id, comment: 'Add the #ad disclosure.' },
      });
      const entry = await server.deps.db
        .selectFrom('audit_log')
        .selectAll()
        .where('target_id', '=', post.id)
        .where('action', '=', 'content.reject')
        .executeTakeFirst();
      expect(entry?.actor_id).toBe(approver.id);
      expect(entry?.change).toContain('Add the #ad disclosure.');
      await expectProblem(await reject(approver, post.id, { comment: 'again' }), 409, 'not-pending');
      const again = await ok<ContentItem>(submit(editor, post.id));
      expect(again.review).toMatchObject({ state: 'pending', comment: null, reviewedBy: null });
    });

    it('applies the must-fix check at approval, to the approver', async () => {
      const guidelines = await ok<Record<string, unknown>>(server.call('/v1/admin/guidelines', { token: owner.token }));
      await ok(
        server.call('/v1/admin/guidelines', {
          method: 'PUT',
          token: owner.token,
          json: { ...guidelines, bannedTerms: [{ pattern: 'guaranteed', reason: 'no promises' }] },
        }),
      );
      try {
        const post = await ok<ContentItem>(
          create(editor, { submit: true, variants: { linkedin: ['Guaranteed returns!'] } }),
          201,
        );
        await expectProblem(await publish(approver, post.id), 422, 'must-fix');
        const published = await ok<ContentItem>(publish(approver, post.id, { overrideReason: 'Legal cleared it' }));
        expect(published.override).toMatchObject({ by: approver.id, reason: 'Legal cleared it' });
      } finally {
        await ok(server.call('/v1/admin/guidelines', { method: 'PUT', token: owner.token, json: guidelines }));
      }
    });

    it('keeps a scheduled post approved: it goes live at its time without another approval', async () => {
      const publishAt = iso(server.clock.now + 30 * MINUTE);
      const post = await ok<ContentItem>(create(editor, { submit: true, publishAt }), 201);
      expect(await ok<ContentItem>(publish(approver, post.id))).toMatchObject({
        status: 'scheduled',
        publishAt,
        review: { state: 'approved' },
      });
      // Moving its time or its campaign keeps the approval.
      const moved = iso(server.clock.now + 40 * MINUTE);
      expect(await ok<ContentItem>(patch(editor, post.id, { publishAt: moved, campaign: 'Spring' }))).toMatchObject({
        status: 'scheduled',
        review: { state: 'approved' },
      });
      server.clock.advance(41 * MINUTE);
      expect(await get(editor, post.id)).toMatchObject({ status: 'published', review: { state: 'approved' } });
    });

    it('sends an approved post back to pending when its words, link or networks change', async () => {
      const post = await ok<ContentItem>(create(editor, { submit: true }), 201);
      await ok(publish(approver, post.id));
      const reopened = await ok<ContentItem>(
        patch(editor, post.id, { variants: { linkedin: ['New words'], x: ['New words'] } }),
      );
      expect(reopened).toMatchObject({
        status: 'pending',
        review: { state: 'pending', submittedBy: editor.id, reviewedBy: null },
      });
      await ok(publish(approver, post.id));
      expect(await ok<ContentItem>(patch(editor, post.id, { url: 'https://example.com/other' }))).toMatchObject({
        status: 'pending',
      });
    });

    it('lets the owner turn approvals on and off; posts pending then publish directly once off', async () => {
      const post = await ok<ContentItem>(create(editor, { submit: true }), 201);
      await setApprovals(false);
      try {
        expect(await ok<ContentItem>(publish(editor, post.id))).toMatchObject({ status: 'published' });
      } finally {
        await setApprovals(true);
      }
    });
  });
});
