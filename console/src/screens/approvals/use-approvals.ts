/** Whether approvals are on (GET /v1/admin/settings/approvals), for screens that act differently then; off until known. */
import type { ApprovalSettings } from '../../../../lib/schemas';
import { useFetched } from '../../use-fetched';

export const APPROVAL_SETTINGS_PATH = '/v1/admin/settings/approvals';

export function useApprovalsOn(): boolean {
  return useFetched<ApprovalSettings>(APPROVAL_SETTINGS_PATH).data?.enabled ?? false;
}
