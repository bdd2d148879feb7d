/** Approvals: sync and the stream never carry pending or rejected posts; queues per role; console notifications. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/schemas';
import { expectProblem, HOUR, sync } from '../helpers/api';
import { approvalCalls, type Admin } from '../helpers/approvals';
import { startTestServer, type TestServer } from '../helpers/server';

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('approvals: sync, queues and notifications', () => {
  let server: TestServer;
  let editor: Admin;
  let other: Admin;
  let approver: Admin;
  let owner: Admin;
  let advocate: string;
  const { ok, create, submit, publish, reject, patch, queue, notifications, call, setApprovals } = approvalCalls(
    () => server,
  );

  beforeAll(async () => {
    server = await startTestServer({ sessionTtlMs: 365 * 24 * HOUR });
    editor = await server.adminAs('editor');
    other = await server.adminAs('editor');
    approver = await server.adminAs('approver');
    owner = await server.adminAs('owner');
    advocate = (await server.enroll()).token;
    await setApprovals(true);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('never syncs pending or rejected posts; an edited live post leaves sync until approved again', async () => {
    const pending = await ok<ContentItem>(create(editor, { submit: true }), 201);
    const rejected = await ok<ContentItem>(create(editor, { submit: true }), 201);
    await ok(reject(approver, rejected.id, { comment: 'No' }));
    const first = await sync(server, advocate);
    expect(ids(first.body.content)).not.toContain(pending.id);
    expect(ids(first.body.content)).not.toContain(rejected.id);

    await ok(publish(approver, pending.id));
    const afterApproval = await sync(server, advocate, first.body.cursor);
    expect(ids(afterApproval.body.content)).toContain(pending.id);

    // An edit to its words sends it back: removed from extensions until approved again.
    await ok(patch(editor, pending.id, { title: 'Changed after approval' }));
    const afterEdit = await sync(server, advocate, afterApproval.body.cursor);
    expect(afterEdit.body.removed).toContain(pending.id);
    expect(ids((await sync(server, advocate)).body.content)).not.toContain(pending.id);

    await ok(publish(approver, pending.id));
    const again = await sync(server, advocate, afterEdit.body.cursor);
    expect(again.body.content.find((item) => item.id === pending.id)?.title).toBe('Changed after approval');

    // A campaign label keeps the approval and the post stays on extensions.
    expect(await ok<ContentItem>(patch(editor, pending.id, { campaign: 'Q3', tags: ['launch'] }))).toMatchObject({
      status: 'published',
    });
    expect(ids((await sync(server, advocate)).body.content)).toContain(pending.id);
  });

  it("shows reviewers others' pending posts oldest first, and editors their own pending and rejected", async () => {
    const a = await ok<ContentItem>(create(editor, { submit: true, title: 'Queue A' }), 201);
    server.clock.advance(1_000);
    const b = await ok<ContentItem>(create(other, { submit: true, title: 'Queue B' }), 201);
    server.clock.advance(1_000);
    const c = await ok<ContentItem>(create(owner, { submit: true, title: 'Queue C' }), 201);
    await ok(reject(approver, b.id, { comment: 'Shorter, please' }));

    const forApprover = await queue(approver);
    expect(forApprover.enabled).toBe(true);
    const reviewIds = ids(forApprover.toReview);
    expect(reviewIds.indexOf(a.id)).toBeLessThan(reviewIds.indexOf(c.id));
    expect(reviewIds).not.toContain(b.id);
    // The owner reviews too, but not their own submission.
    expect(ids((await queue(owner)).toReview)).toContain(a.id);
    expect(ids((await queue(owner)).toReview)).not.toContain(c.id);
    expect(ids((await queue(owner)).mine)).toContain(c.id);

    const forEditor = await queue(editor);
    expect(forEditor.toReview).toEqual([]);
    expect(ids(forEditor.mine)).toContain(a.id);
    expect(ids(forEditor.mine)).not.toContain(b.id);
    const forOther = await queue(other);
    expect(forOther.mine.find((item) => item.id === b.id)?.review).toMatchObject({
      state: 'rejected',
      comment: 'Shorter, please',
    });
    // An analyst reads no content.
    const analyst = await server.adminAs('analyst');
    await expectProblem(await call(analyst.token, '/v1/admin/approvals'), 403, 'forbidden-role');
    // The content list filters pending posts.
    const list = await ok<{ items: ContentItem[] }>(call(owner.token, '/v1/admin/content?status=pending'));
    expect(list.items.every((item) => item.status === 'pending')).toBe(true);
    expect(ids(list.items)).toContain(a.id);
  });

  it('tells every reviewer of a submission and the submitter of the outcome; read marks them', async () => {
    const fresh = await server.adminAs('approver');
    const before = await notifications(fresh);
    expect(before.unread).toBe(0);
    const post = await ok<ContentItem>(create(editor, { title: 'Notify me' }), 201);
    await ok(submit(editor, post.id, { note: 'Urgent: launch at noon' }));

    const told = await notifications(fresh);
    expect(told.unread).toBe(1);
    expect(told.items[0]).toMatchObject({
      kind: 'submitted',
      contentId: post.id,
      title: 'Notify me',
      actor: editor.email,
      comment: 'Urgent: launch at noon',
      read: false,
    });
    // The owner reviews too; the submitter is not told of their own submission.
    expect((await notifications(owner)).items.some((item) => item.contentId === post.id)).toBe(true);
    expect((await notifications(editor)).items.some((item) => item.kind === 'submitted')).toBe(false);

    await ok(reject(fresh, post.id, { comment: 'Say which noon' }));
    const rejected = (await notifications(editor)).items.find((item) => item.contentId === post.id);
    expect(rejected).toMatchObject({ kind: 'rejected', actor: fresh.email, comment: 'Say which noon' });
    await ok(submit(editor, post.id));
    await ok(publish(fresh, post.id));
    expect((await notifications(editor)).items[0]).toMatchObject({ kind: 'approved', contentId: post.id });

    const one = told.items[0]!.id;
    expect(
      await ok(call(fresh.token, '/v1/admin/notifications/read', { method: 'POST', json: { ids: [one] } })),
    ).toEqual({ marked: 1 });
    const afterOne = await notifications(fresh);
    expect(afterOne.items.find((item) => item.id === one)?.read).toBe(true);
    // Another admin cannot mark someone else's.
    expect(
      await ok(call(editor.token, '/v1/admin/notifications/read', { method: 'POST', json: { ids: [one] } })),
    ).toEqual({ marked: 0 });
    await ok(call(editor.token, '/v1/admin/notifications/read', { method: 'POST' }));
    expect((await notifications(editor)).unread).toBe(0);
  });
});
