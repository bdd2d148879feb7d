/**
 * The posting guidelines every extension checks posts against: the disclosure, banned terms with
 * the reason advocates see, the hashtag limit, the daily share cap and the company names.
 * Validated with the shared Guidelines schema before PUT; the server's 422 errors land on the same fields.
 */
import { guidelinesSchema } from '../../../../lib/schemas';
import { DocumentForm } from '../../components/DocumentForm';
import { PageHeader } from '../../components/ui';
import { useDocumentForm } from '../../forms';
import { BannedTermsSection } from './BannedTermsSection';
import { DisclosureSection } from './DisclosureSection';
import { candidate, draftFrom, FORM, labelFor } from './draft';
import { LanguageRules } from './LanguageRules';
import { LimitsSection } from './LimitsSection';

export function GuidelinesEditor() {
  const form = useDocumentForm({
    path: '/v1/admin/guidelines',
    schema: guidelinesSchema,
    draftFrom,
    candidate,
    what: 'the guidelines',
    savedText: 'Guidelines saved. Extensions apply them on their next sync.',
  });
  const header = (
    <PageHeader title="Guidelines">
      <p>
        The extension checks every post against these while advocates type, and shows the reason you give. Changes reach
        every extension on its next sync.
      </p>
    </PageHeader>
  );
  return (
    <DocumentForm id={FORM} form={form} header={header} labelFor={labelFor} saveLabel="Save guidelines">
      {(draft) => (
        <>
          <DisclosureSection form={form} draft={draft} />
          <BannedTermsSection form={form} draft={draft} />
          <LimitsSection form={form} draft={draft} />
          <LanguageRules form={form} draft={draft} />
        </>
      )}
    </DocumentForm>
  );
}
