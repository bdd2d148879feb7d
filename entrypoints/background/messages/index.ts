/** Every message the background answers, by name: the dispatcher and the senders' typed client read this list. */
import { composerBrief } from './composer-brief';
import { composerData } from './composer-data';
import { composerHealth } from './composer-health';
import { composerShare } from './composer-share';
import { contentLanguage } from './content-language';
import { dismissRefusedShare } from './dismiss-refused-share';
import { enroll } from './enroll';
import { getLeaderboard } from './get-leaderboard';
import { getPoints } from './get-points';
import { getState } from './get-state';
import { loadComposerUi } from './load-composer-ui';
import { markSeen } from './mark-seen';
import { share } from './share';
import { signInOptions } from './sign-in-options';
import { signInWorkAccount } from './sign-in-work-account';
import { signOut } from './sign-out';
import { syncNow } from './sync-now';
import { updatePrivacy } from './update-privacy';

export const MESSAGES = {
  getState,
  enroll,
  signInWorkAccount,
  signInOptions,
  signOut,
  syncNow,
  dismissRefusedShare,
  share,
  markSeen,
  getPoints,
  getLeaderboard,
  updatePrivacy,
  contentLanguage,
  composerBrief,
  composerData,
  composerShare,
  composerHealth,
  loadComposerUi,
};

export type Messages = typeof MESSAGES;
export type MessageName = keyof Messages;
export const MESSAGE_NAMES = Object.keys(MESSAGES) as MessageName[];
