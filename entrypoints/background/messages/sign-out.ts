/** signOut: the popup's "Sign out" (the controller sends what waits, revokes the token, clears the data). */
import { defineMessage, noRequest } from './define';

export const signOut = defineMessage({
  request: noRequest,
  from: ['popup'],
  handle: (_request, { bg }): Promise<void> => bg.signOut(),
});
