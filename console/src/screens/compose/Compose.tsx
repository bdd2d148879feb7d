/**
 * Compose and edit a post: the link, details, variants per text network with live previews and
 * the extension's guideline checks, timing, then save, publish, schedule or archive. Validated
 * with the shared ContentInput schema; the server's 422 errors land on the same fields.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { compileGuidelines, disclosureAppend, type Hint } from '../../../../lib/guidelines';
import type { TextNetwork } from '../../../../lib/networks';
import {
  contentInputSchema,
  DEFAULT_GUIDELINES,
  type ContentInput,
  type ContentItem,
  type Guidelines,
} from '../../../../lib/schemas';
import { MustFixDialog } from '../../components/MustFixDialog';
import { OverrideNote } from '../../components/OverrideNote';
import { ErrorSummary, PageHeader, type Notice } from '../../components/ui';
import { mustFixOf, type MustFixFailure } from '../../must-fix';
import { safeHttpUrl } from '../../../../lib/safe-url';
import { STATUS_LABEL } from '../../content';
import { fieldId, removeAt, replaceAt, rowAfterRemoval, useSchemaForm } from '../../forms';
import { contentHref, navigate } from '../../router';
import { formatDateTime } from '../../time';
import { ComposeActions, type ComposeAction } from './ComposeActions';
import { DetailsSection } from './DetailsSection';
import {
  candidate,
  draftFrom,
  emptyDraft,
  FORM,
  isFuture,
  labelFor,
  MAX_VARIANTS,
  variant,
  type Draft,
  type TextKey,
} from './draft';
import { LinkSection } from './LinkSection';
import { NetworksSection } from './NetworksSection';
import { NetworkVariants } from './NetworkVariants';
import { archiveContent, savedNotice, saveContent } from './save';
import { TimingSection } from './TimingSection';
import { usePagePreview } from './use-page-preview';

export interface ComposeProps {
  item: ContentItem | null;
  guidelines: Guidelines | null;
  guidelinesError: string | null;
}

/** A message to show once the next editor mounts (after "Save" turned a new post into /content/<id>). */
let flash: Notice = null;

/** A publish the server refused over must-fix rules, waiting for the admin's reason. */
interface PendingOverride {
  failures: MustFixFailure[];
  verb: 'Publish' | 'Schedule';
  input: ContentInput;
  live: boolean;
}

export function Compose({ item: initialItem, guidelines, guidelinesError }: ComposeProps) {
  const [item, setItem] = useState<ContentItem | null>(initialItem);
  const [mustFix, setMustFix] = useState<PendingOverride | null>(null);
  const form = useSchemaForm<Draft, ContentInput>({
    schema: contentInputSchema,
    candidate,
    initial: initialItem ? draftFrom(initialItem) : emptyDraft(),
    keepNotice: true,
  });
  const draft = form.draft ?? emptyDraft();
  const { preview, fetchPreview } = usePagePreview((page) =>
    form.setDraft((current) =>
      current && current.title.trim() === '' && page.title ? { ...current, title: page.title } : current,
    ),
  );
  // Without the guidelines (they failed to load) the length checks still run.
  const compiled = useMemo(() => compileGuidelines(guidelines ?? DEFAULT_GUIDELINES), [guidelines]);

  useEffect(() => {
    if (!flash) return undefined;
    const message = flash;
    flash = null;
    // After mount, so the status region announces it.
    const timer = window.setTimeout(() => form.setNotice(message), 50);
    return () => window.clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (initialItem) void fetchPreview(initialItem.url);
    // Once, for the post as loaded.
  }, []);

  const set = (key: TextKey) => (value: string) => form.update(key, (current) => ({ ...current, [key]: value }));

  function setVariants(
    id: TextNetwork,
    path: string,
    change: (list: Draft['variants'][TextNetwork]) => Draft['variants'][TextNetwork],
  ) {
    form.update(path, (current) => ({
      ...current,
      variants: { ...current.variants, [id]: change(current.variants[id]) },
    }));
  }

  function addVariant(id: TextNetwork) {
    const index = draft.variants[id].length;
    if (index >= MAX_VARIANTS) return;
    setVariants(id, `variants.${id}`, (list) => [...list, variant()]);
    form.focusLater(fieldId(FORM, `variants.${id}.${index}`));
  }

  function removeVariant(id: TextNetwork, index: number) {
    setVariants(id, `variants.${id}`, (list) => removeAt(list, index));
    const idOfRow = (i: number) => fieldId(FORM, `variants.${id}.${i}`);
    form.focusLater(rowAfterRemoval(draft.variants[id].length - 1, index, idOfRow, fieldId(FORM, `variants.${id}`)));
  }

  function setVariant(id: TextNetwork, index: number, text: string) {
    setVariants(id, `variants.${id}.${index}`, (list) => replaceAt(list, index, (entry) => ({ ...entry, text })));
  }

  function applyDisclosure(id: TextNetwork, index: number, hint: Hint) {
    const text = draft.variants[id][index]?.text ?? '';
    const disclosure = hint.fix?.append.trim();
    if (!disclosure) return;
    setVariant(id, index, text + disclosureAppend(text, disclosure, id));
    form.focusLater(fieldId(FORM, `variants.${id}.${index}`));
  }

  function run(action: ComposeAction) {
    if (action === 'archive') {
      if (!item) return;
      void form.act(
        action,
        async () => {
          setItem(await archiveContent(item));
          return { kind: 'success', text: 'Archived: advocates no longer see this post.' };
        },
        (message) => `Couldn't archive: ${message}`,
      );
      return;
    }
    const live = action === 'publish' || action === 'schedule';
    void form.submit({
      action,
      // "Publish now" means now: a future publish time would only schedule it.
      draft: action === 'publish' && isFuture(draft.publishAt) ? { ...draft, publishAt: '' } : undefined,
      check: (_value, working) =>
        action === 'schedule' && !isFuture(working.publishAt)
          ? { publishAt: 'To schedule, pick a time in the future.' }
          : null,
      save: async (input) => {
        let saved: ContentItem;
        try {
          saved = await saveContent(item, input, live);
        } catch (error) {
          const failures = mustFixOf(error);
          if (!failures) throw error;
          setMustFix({ failures, verb: action === 'schedule' ? 'Schedule' : 'Publish', input, live });
          return;
        }
        const notice = savedNotice(saved, live);
        if (!item) {
          flash = notice;
          navigate(contentHref(saved.id), { replace: true });
          return;
        }
        setItem(saved);
        return { notice };
      },
    });
  }

  /** "Publish anyway" in the must-fix dialog: the same save, with the reason. */
  async function publishAnyway(pending: PendingOverride, reason: string) {
    const saved = await saveContent(item, pending.input, pending.live, reason);
    setMustFix(null);
    const notice = savedNotice(saved, pending.live);
    if (!item) {
      flash = notice;
      navigate(contentHref(saved.id), { replace: true });
      return;
    }
    setItem(saved);
    form.setNotice(notice);
  }

  const ready = preview.state === 'ready' ? preview.preview : null;
  const card = {
    url: draft.url.trim(),
    title: ready?.title || draft.title,
    description: ready ? ready.description : null,
    imageUrl: safeHttpUrl(draft.imageUrl.trim()) ?? (ready ? ready.imageUrl : null),
    siteName: ready ? ready.siteName : null,
  };

  return (
    <>
      <PageHeader
        title={item ? 'Edit post' : 'New post'}
        actions={
          item && (
            <span class={`status status--${item.status}`}>
              <span class="visually-hidden">Status: </span>
              {STATUS_LABEL[item.status]}
            </span>
          )
        }
      >
        <p>
          {item ? `Last changed ${formatDateTime(item.updatedAt)}. ` : ''}
          Advocates get one of your variants each, with a tracked link where <code>{'{link}'}</code> stands (or at the
          end).
        </p>
        {item?.override && <OverrideNote override={item.override} />}
      </PageHeader>
      {mustFix && (
        <MustFixDialog
          failures={mustFix.failures}
          verb={mustFix.verb}
          onPublish={(reason) => publishAnyway(mustFix, reason)}
          onClose={() => setMustFix(null)}
        />
      )}

      <form
        class="compose"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          run('save');
        }}
      >
        <ErrorSummary form={FORM} errors={form.errors} labelFor={labelFor} attempt={form.attempt} />
        <LinkSection
          draft={draft}
          errors={form.errors}
          preview={preview}
          set={set}
          onUrlLeft={(url) => void fetchPreview(url)}
        />
        <DetailsSection draft={draft} errors={form.errors} set={set} />
        <NetworksSection
          draft={draft}
          errors={form.errors}
          guidelinesError={guidelinesError}
          onNetwork={(id, on) =>
            form.update('networks', (current) => ({ ...current, networks: { ...current.networks, [id]: on } }))
          }
        >
          {(id) => (
            <NetworkVariants
              key={id}
              id={id}
              enabled={draft.networks[id]}
              variants={draft.variants[id]}
              errors={form.errors}
              compiled={compiled}
              checked={guidelines !== null}
              card={card}
              onChange={(index, text) => setVariant(id, index, text)}
              onAdd={() => addVariant(id)}
              onRemove={(index) => removeVariant(id, index)}
              onFix={(index, hint) => applyDisclosure(id, index, hint)}
            />
          )}
        </NetworksSection>
        <TimingSection draft={draft} errors={form.errors} set={set} />
        <ComposeActions
          status={item?.status}
          notice={form.notice}
          onDismiss={() => form.setNotice(null)}
          busy={form.busy}
          scheduleReady={isFuture(draft.publishAt)}
          onAction={run}
        />
      </form>
    </>
  );
}
