/**
 * The posting guidelines every extension checks posts against: the disclosure, banned terms with
 * the reason advocates see, the hashtag limit, the daily share cap and the company names.
 * Validated with the shared Guidelines schema before PUT; the server's 422 errors land on the same fields.
 */
import { guidelinesSchema, type Guidelines } from '../../../../lib/schemas';
import { api } from '../../api';
import { Loaded } from '../../components/Loaded';
import { SaveBar } from '../../components/SaveBar';
import { ErrorSummary, PageHeader } from '../../components/ui';
import { useSchemaForm } from '../../forms';
import { BannedTermsSection } from './BannedTermsSection';
import { DisclosureSection } from './DisclosureSection';
import { candidate, draftFrom, FORM, labelFor, type Draft } from './draft';
import { LimitsSection } from './LimitsSection';

export function GuidelinesEditor() {
  const form = useSchemaForm<Draft, Guidelines>({
    schema: guidelinesSchema,
    candidate,
    initial: null,
    load: async () => draftFrom(await api.get<Guidelines>('/v1/admin/guidelines')),
  });

  function save(event: Event) {
    event.preventDefault();
    void form.submit({
      save: async (guidelines) => ({
        draft: draftFrom(await api.put<Guidelines>('/v1/admin/guidelines', guidelines)),
        notice: { kind: 'success', text: 'Guidelines saved. Extensions apply them on their next sync.' },
      }),
      failure: (message) => `Couldn't save the guidelines: ${message}`,
    });
  }

  const header = (
    <PageHeader title="Guidelines">
      <p>
        The extension checks every post against these while advocates type, and shows the reason you give. Changes reach
        every extension on its next sync.
      </p>
    </PageHeader>
  );
  const { draft } = form;
  return (
    <Loaded header={header} what="the guidelines" error={form.loadError} onRetry={form.retryLoad} ready={!!draft}>
      {() =>
        draft && (
          <form class="settings-form" noValidate onSubmit={save}>
            <ErrorSummary form={FORM} errors={form.errors} labelFor={labelFor} attempt={form.attempt} />
            <DisclosureSection form={form} draft={draft} />
            <BannedTermsSection form={form} draft={draft} />
            <LimitsSection form={form} draft={draft} />
            <SaveBar
              label="Save guidelines"
              notice={form.notice}
              onDismiss={() => form.setNotice(null)}
              busy={form.busy !== null}
            />
          </form>
        )
      }
    </Loaded>
  );
}
