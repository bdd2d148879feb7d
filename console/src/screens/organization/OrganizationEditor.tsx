/**
 * The organisation's identity: its name and logo, as the extension's setup screen, the popup and
 * the console show them, with a live preview of the setup screen. The logo is uploaded through
 * POST /v1/admin/images (or any https address); saved whole with PUT /v1/admin/organization.
 */
import { organizationSchema } from '../../../../lib/schemas';
import { DocumentForm } from '../../components/DocumentForm';
import { InputField } from '../../components/fields';
import { ImagePicker } from '../../components/ImagePicker';
import { PageHeader } from '../../components/ui';
import { fieldId, useDocumentForm } from '../../forms';
import { candidate, draftFrom, FORM, labelFor, type OrganizationDraft } from './draft';
import { SetupPreview } from './SetupPreview';

export function OrganizationEditor() {
  const form = useDocumentForm({
    path: '/v1/admin/organization',
    schema: organizationSchema,
    draftFrom,
    candidate,
    what: 'the organisation',
    savedText: 'Saved. Extensions show the new name and logo on their setup screen.',
  });
  const set = (key: keyof OrganizationDraft) => (value: string) =>
    form.update(key, (current) => ({ ...current, [key]: value }));
  const header = (
    <PageHeader title="Organisation">
      <p>Your organisation’s name and logo, as advocates see them when they connect the extension.</p>
    </PageHeader>
  );
  return (
    <DocumentForm id={FORM} form={form} header={header} labelFor={labelFor} saveLabel="Save organisation">
      {(draft) => (
        <div class="organization">
          <section class="card form-section" aria-labelledby="organization-identity">
            <h2 id="organization-identity">Name and logo</h2>
            <InputField
              form={FORM}
              path="name"
              label="Name"
              hint="As people know it, e.g. Northwind Robotics."
              errors={form.errors}
              type="text"
              maxLength={80}
              autoComplete="organization"
              class="input--name"
              value={draft.name}
              onValue={set('name')}
            />
            <div class="field">
              <p class="field__label" id="organization-logo-label">
                Logo
              </p>
              <p class="field__hint">A square image works best; it is shown at 40 pixels.</p>
              <ImagePicker
                id={fieldId(FORM, 'logo-file')}
                what="the logo"
                shape="square"
                value={draft.logoUrl}
                onValue={set('logoUrl')}
              />
              {form.errors.logoUrl && <p class="field__error">{form.errors.logoUrl}</p>}
            </div>
          </section>
          <SetupPreview name={draft.name} logoUrl={draft.logoUrl} host={location.host} />
        </div>
      )}
    </DocumentForm>
  );
}
