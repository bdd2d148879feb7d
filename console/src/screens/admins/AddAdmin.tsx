/** Adding an admin: email, role and an optional password (left empty: they sign in with their work account). */
import { useState } from 'preact/hooks';
import { ROLE_LABELS, ROLES, roleOf, type Role } from '../../../../lib/roles';
import { adminInputSchema, type AdminAccount } from '../../../../lib/schemas/admins';
import { api, describeError } from '../../api';
import { InputField } from '../../components/fields';
import { Field, NoticeLine, type Notice } from '../../components/ui';
import type { Errors } from '../../forms';

const FORM = 'add-admin';

export function AddAdmin({ onAdded }: { onAdded: (admin: AdminAccount) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setNotice(null);
    const parsed = adminInputSchema.safeParse({ email: email.trim(), role, ...(password ? { password } : {}) });
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((issue) => [
            String(issue.path[0] ?? ''),
            issue.path[0] === 'password' ? 'At least 8 characters, or leave it empty.' : 'Enter an email address.',
          ]),
        ),
      );
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onAdded(await api.post<AdminAccount>('/v1/admin/admins', parsed.data));
      setEmail('');
      setPassword('');
    } catch (error) {
      setNotice({ kind: 'error', text: `Couldn't add the admin: ${describeError(error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-section" aria-labelledby="admins-add">
      <h2 id="admins-add">Add an admin</h2>
      <form class="add-admin" noValidate onSubmit={(event) => void submit(event)}>
        <InputField
          form={FORM}
          path="email"
          label="Email"
          type="email"
          autoComplete="off"
          errors={errors}
          value={email}
          onValue={setEmail}
        />
        <Field form={FORM} path="role" label="Role" errors={errors}>
          {(control) => (
            <select {...control} value={role} onChange={(event) => setRole(roleOf(event.currentTarget.value))}>
              {ROLES.map((each) => (
                <option key={each} value={each}>
                  {ROLE_LABELS[each]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <InputField
          form={FORM}
          path="password"
          label="Password (optional)"
          type="password"
          autoComplete="new-password"
          errors={errors}
          value={password}
          onValue={setPassword}
        />
        <p class="field__hint">
          Leave the password empty for someone who signs in with their work account (single sign-on).
        </p>
        <div class="button-row">
          <button type="submit" class="button button--primary" disabled={busy} aria-busy={busy}>
            Add admin
          </button>
        </div>
      </form>
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
    </section>
  );
}
