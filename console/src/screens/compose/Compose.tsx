/**
 * Compose and edit a post: the link and its text per network on the left, a live preview of the
 * selected network's variant beside it (sticky on wide screens, under the text on narrow ones), then
 * image, details and timing, and the actions. Validated with the shared ContentInput schema; the
 * server's 422 errors land on the same fields.
 */
import { useEffect, useState } from 'preact/hooks';
import { TEXT_NETWORKS, type Network, type TextNetwork } from '../../../../lib/networks';
import { contentInputSchema, type ContentInput, type ContentItem, type Guidelines } from '../../../../lib/schemas';
import { MustFixDialog } from '../../components/MustFixDialog';
import { OverrideNote } from '../../components/OverrideNote';
import { ErrorSummary, PageHeader, type Notice } from '../../components/ui';
import { mustFixOf, type MustFixFailure } from '../../must-fix';
import { safeHttpUrl } from '../../../../lib/safe-url';
import { STATUS_LABEL } from '../../content';
import { useSchemaForm } from '../../forms';
import { contentHref, navigate } from '../../router';
import { formatDateTime } from '../../time';
import { ComposeActions, type ComposeAction } from './ComposeActions';
import { AudienceSection } from './AudienceSection';
import { DetailsSection } from './DetailsSection';
import { candidate, draftFrom, emptyDraft, FORM, isFuture, labelFor, type Draft, type TextKey } from './draft';
import { ImageSection } from './ImageSection';
import { LinkFields } from './LinkFields';
import { NetworksSection } from './NetworksSection';
import { NetworkVariants } from './NetworkVariants';
import { PreviewPanel } from './PreviewPanel';
import { archiveContent, savedNotice, saveContent, submitContent } from './save';
import { useApprovalsOn } from '../approvals/use-approvals';
import { TimingSection } from './TimingSection';
import { usePagePreview } from './use-page-preview';
import { useComposeLanguage } from './use-compose-language';

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
  const approvalsOn = useApprovalsOn();
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
  const setNetwork = (id: Network, on: boolean) =>
    form.update('networks', (current) => ({ ...current, networks: { ...current.networks, [id]: on } }));

  const lang = useComposeLanguage(form, draft, guidelines);
  const { compiled, actions: variants } = lang;
  const [selected, setSelected] = useState<{ network: TextNetwork; index: number }>(() => ({
    network: TEXT_NETWORKS.find((id) => draft.networks[id]) ?? TEXT_NETWORKS[0]!,
    index: 0,
  }));
  const active = selected.network;
  const shownIndex = Math.min(selected.index, lang.variants[active].length - 1);
  const pick = (network: TextNetwork, index = 0) => setSelected({ network, index });

  // A failed save with errors only in another network's variants opens that network's tab.
  useEffect(() => {
    const paths = Object.keys(form.errors);
    if (paths.some((path) => path.startsWith(`variants.${active}`))) return;
    const other = TEXT_NETWORKS.find((id) => paths.some((path) => path.startsWith(`variants.${id}`)));
    if (other) pick(other);
  }, [form.attempt]);

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
    if (action === 'submit') {
      void form.submit({
        action,
        save: async (input) => landed(await submitContent(item, input), false),
      });
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
        return landed(saved, live);
      },
    });
  }

  /** After a save: a new post moves to its own address (the notice shown there), else the editor shows it. */
  function landed(saved: ContentItem, live: boolean): { notice: Notice } | undefined {
    const notice = savedNotice(saved, live);
    if (!item) {
      flash = notice;
      navigate(contentHref(saved.id), { replace: true });
      return undefined;
    }
    setItem(saved);
    return { notice };
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
          Each advocate gets one variant, with their tracked link where <code>{'{link}'}</code> stands (or at the end).
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
        <ErrorSummary
          form={FORM}
          errors={form.errors}
          labelFor={labelFor}
          attempt={form.attempt}
          reveal={(path) => {
            const translated = lang.reveal(path);
            if (translated) pick(translated.network, translated.index);
            const network = TEXT_NETWORKS.find((id) => path.startsWith(`variants.${id}`));
            if (network) pick(network, Number(path.split('.')[2] ?? 0));
          }}
        />
        <div class="compose__layout">
          <div class="compose__top">
            <NetworksSection
              draft={{ ...draft, variants: lang.variants }}
              errors={lang.errors}
              languages={lang.tabs}
              guidelinesError={guidelinesError}
              active={active}
              onPick={(id) => pick(id)}
              onNetwork={setNetwork}
              link={
                <LinkFields
                  draft={draft}
                  errors={form.errors}
                  preview={preview}
                  set={set}
                  onUrlLeft={(url) => void fetchPreview(url)}
                />
              }
            >
              <NetworkVariants
                key={`${lang.language}-${active}`}
                id={active}
                enabled={draft.networks[active]}
                variants={lang.variants[active]}
                selected={shownIndex}
                errors={lang.errors}
                compiled={compiled}
                checked={guidelines !== null}
                onChange={(index, text) => variants.setVariant(active, index, text)}
                onAdd={() => {
                  const index = variants.addVariant(active);
                  if (index !== null) pick(active, index);
                }}
                onRemove={(index) => {
                  variants.removeVariant(active, index);
                  pick(active, Math.max(0, index - 1));
                }}
                onFix={(index, hint) => variants.applyDisclosure(active, index, hint)}
                onSelect={(index) => pick(active, index)}
                onEnable={() => setNetwork(active, true)}
              />
            </NetworksSection>
          </div>
          <PreviewPanel
            id={active}
            enabled={draft.networks[active]}
            variants={lang.variants[active]}
            index={shownIndex}
            compiled={compiled}
            card={{ ...card, title: ready?.title && !lang.language ? ready.title : lang.title }}
            language={lang.language || draft.language.trim()}
            onSelect={(index) => pick(active, index)}
          />
          <div class="compose__rest">
            <ImageSection draft={draft} errors={form.errors} preview={preview} set={set} />
            <DetailsSection draft={draft} errors={form.errors} set={set} />
            <TimingSection draft={draft} errors={form.errors} set={set} />
            <AudienceSection
              audiences={draft.audiences}
              errors={form.errors}
              onChange={(audiences) => form.update('audiences', (current) => ({ ...current, audiences }))}
            />
          </div>
        </div>
        <ComposeActions
          status={item?.status}
          notice={form.notice}
          onDismiss={() => form.setNotice(null)}
          busy={form.busy}
          scheduleReady={isFuture(draft.publishAt)}
          onAction={run}
          approvals={approvalsOn}
          review={item?.review}
        />
      </form>
    </>
  );
}
