/** scimmy, set up once per process: User (enterprise extension), Group and the ServiceProviderConfig Relay answers. */
import SCIMMY from 'scimmy';
import type { ScimCall } from './context';
import { deleteScimGroup, readGroups, writeGroup } from './groups';
import { MAX_RESULTS } from './paging';
import { deleteUser, readUsers, writeUser } from './users';

/** Where SCIM lives under the public address; scimmy's locations are relative to it until answered. */
export const SCIM_BASE = '/scim/v2';

// scimmy's registry is global, so nothing server-specific lives here: the database and the clock come
// in every call's ctx (context.ts), the public address is added to locations as they are answered.
let ready = false;

export function setUpScim(): void {
  if (ready) return;
  ready = true;
  SCIMMY.Config.set({
    patch: true,
    filter: { supported: true, maxResults: MAX_RESULTS },
    bulk: false,
    sort: false,
    etag: false,
    changePassword: false,
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authorization: Bearer <SCIM token>; an admin creates tokens in the console, under Provisioning.',
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true,
      },
    ],
  });
  SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false))
    .egress((resource, ctx: ScimCall) => readUsers(resource, ctx) as never)
    .ingress((resource, instance, ctx: ScimCall) => writeUser(resource, instance, ctx) as never)
    .degress((resource, ctx: ScimCall) => deleteUser(resource, ctx));
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .egress((resource, ctx: ScimCall) => readGroups(resource, ctx) as never)
    .ingress((resource, instance, ctx: ScimCall) => writeGroup(resource, instance, ctx) as never)
    .degress((resource, ctx: ScimCall) => deleteScimGroup(resource, ctx));
  for (const resource of [
    SCIMMY.Resources.User,
    SCIMMY.Resources.Group,
    SCIMMY.Resources.Schema,
    SCIMMY.Resources.ResourceType,
    SCIMMY.Resources.ServiceProviderConfig,
  ]) {
    resource.basepath(SCIM_BASE);
  }
}
