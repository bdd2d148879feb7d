/**
 * "Sign-in & provisioning": work-account sign-in as the server is set up (SsoSummary), SCIM tokens
 * and base URL (ScimSection), what a SCIM delete does (DeletePolicy), and the groups the identity
 * provider sent (GroupsSection). Each card says what happened next to the button that did it.
 */
import { PageHeader } from '../../components/ui';
import { DeletePolicy } from './DeletePolicy';
import { GroupsSection } from './GroupsSection';
import { ScimSection } from './ScimSection';
import { SsoSummary } from './SsoSummary';

export function Provisioning() {
  return (
    <>
      <PageHeader title="Sign-in & provisioning">
        <p>
          Connect Relay to your company’s identity provider: people sign in with their work account, and joiners and
          leavers are kept in step without anyone typing a code.
        </p>
      </PageHeader>
      <SsoSummary />
      <ScimSection />
      <DeletePolicy />
      <GroupsSection />
    </>
  );
}
