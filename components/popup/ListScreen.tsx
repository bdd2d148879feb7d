/**
 * The signed-in screen: header (with the points chip) and tabs, then Posts (sync status, filters
 * and the post list), Points or Privacy. Owns the filter state, how many cards are rendered (kept
 * while another tab is shown) and the toast after a share; the header and tabs stay put.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Network } from '../../lib/schemas';
import type { PopupState, SharePoints } from '../shared/messaging';
import { useClient } from './ClientContext';
import { buildSearchIndex, collectTags, filterPosts, isFiltering, NO_FILTERS, type PostFilters } from './filterPosts';
import { Filters } from './Filters';
import { Header } from './Header';
import { PointsScreen } from './PointsScreen';
import { FIRST_PAGE, PAGE_SIZE, PostList } from './PostList';
import { PrivacyScreen } from './PrivacyScreen';
import { preferredNetwork, unsharedOnly } from './popupPrefs';
import { RefusedShares } from './RefusedShares';
import { shareToastText } from './shareToastText';
import { Toast } from './Toast';
import { StatusBanner } from './StatusBanner';
import { panelId, tabId, Tabs, type TabDef } from './Tabs';
import { useMarkSeen } from './useMarkSeen';
import { useSignOut } from './useSignOut';
import { useSyncNow } from './useSyncNow';
import { t, tp } from '../shared/i18n';

type Tab = 'posts' | 'points' | 'privacy';
const tabs = (): readonly TabDef<Tab>[] => [
  { id: 'posts', label: t('popup_tab_posts') },
  { id: 'points', label: t('popup_tab_points') },
  { id: 'privacy', label: t('popup_tab_privacy') },
];

interface Props {
  state: PopupState;
  /** False while `state` is the snapshot of the last opening (usePopupState). */
  fresh: boolean;
  enrollment: NonNullable<PopupState['enrollment']>;
  /** The last refresh of the state failed (the state shown is the previous one). */
  refreshError: string | null;
  reload: () => Promise<void>;
  replace: (state: PopupState) => void;
  focusPostId: string | null;
  /** Just connected in this popup: focus goes to the first post's Share button (else the Posts tab). */
  justConnected?: boolean;
}

export function ListScreen(props: Props) {
  const { state, fresh, enrollment, refreshError, reload, replace, focusPostId, justConnected } = props;
  const client = useClient();
  const [toast, setToast] = useState<string | null>(null);
  const sync = useSyncNow(client, replace, setToast);
  const account = useSignOut(client, reload);
  const newIds = useMarkSeen(client, fresh ? state.unseen : null);
  const [filters, setFilters] = useState<PostFilters>(() => ({ ...NO_FILTERS, unshared: unsharedOnly.read() }));
  const [preferred, setPreferred] = useState(() => preferredNetwork.read());
  const [shown, setShown] = useState(FIRST_PAGE);
  const [focusId, setFocusId] = useState(focusPostId);
  const [tab, setTab] = useState<Tab>('posts');
  const scrollRef = useRef<HTMLDivElement>(null);
  const filtersTopRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!justConnected) return;
    const share = scrollRef.current?.querySelector<HTMLElement>('.share-toggle');
    (share ?? document.getElementById(tabId('posts')))?.focus();
    // Once, as the list first shows after connecting.
  }, []);

  const index = useMemo(() => buildSearchIndex(state.content), [state.content]);
  const tags = useMemo(() => collectTags(state.content), [state.content]);
  const items = useMemo(() => filterPosts(state.content, index, filters), [state.content, index, filters]);

  const changeFilters = useCallback((next: PostFilters) => {
    setFilters(next);
    unsharedOnly.write(next.unshared);
    setShown(FIRST_PAGE);
    setFocusId(null);
    // Show the first results: scroll back up to where the filters start sticking, not further.
    const scroller = scrollRef.current;
    const top = filtersTopRef.current?.offsetTop ?? 0;
    if (scroller && scroller.scrollTop > top) scroller.scrollTop = top;
  }, []);

  const onShared = useCallback((network: Network, points: SharePoints | null | undefined) => {
    setPreferred(network);
    setToast(shareToastText(network, points));
  }, []);

  const selectTab = useCallback((next: Tab) => {
    setTab(next);
    setToast(null);
  }, []);

  const clearFilters = useCallback(() => {
    changeFilters(NO_FILTERS);
    searchRef.current?.focus();
  }, [changeFilters]);

  const showMore = useCallback(
    (from: number, focus: boolean) => {
      setShown(from + PAGE_SIZE);
      if (focus) setFocusId(items[from]?.id ?? null);
    },
    [items],
  );

  const countText = isFiltering(filters)
    ? tp('popup_filter_count', state.content.length, { shown: items.length })
    : null;

  return (
    <>
      <Header
        name={enrollment.advocate.name}
        points={state.points}
        onPoints={() => selectTab('points')}
        syncing={sync.syncing}
        signingOut={account.signingOut}
        onSync={() => void sync.syncNow()}
        onSignOut={() => void account.signOut()}
      />
      <Tabs tabs={tabs()} selected={tab} onSelect={selectTab} />
      <main class="panels">
        <div
          class="scroll"
          ref={scrollRef}
          role="tabpanel"
          id={panelId('posts')}
          aria-labelledby={tabId('posts')}
          hidden={tab !== 'posts'}
        >
          <StatusBanner
            status={state.status}
            pendingShares={state.pendingShares}
            syncing={sync.syncing}
            problem={sync.error ?? account.error ?? refreshError}
            onRetry={() => void sync.syncNow()}
            onReconnect={() => void account.signOut()}
          />
          <RefusedShares items={state.refusedShares ?? []} />
          <div ref={filtersTopRef} />
          <Filters filters={filters} onChange={changeFilters} tags={tags} countText={countText} searchRef={searchRef} />
          <PostList
            items={items}
            total={state.content.length}
            shown={shown}
            onShowMore={showMore}
            onClearFilters={clearFilters}
            newIds={newIds}
            preferred={[filters.network, preferred]}
            onShared={onShared}
            highlightId={focusPostId}
            focusId={focusId}
            scrollRoot={scrollRef}
          />
        </div>
        {tab !== 'posts' && (
          <div key={tab} class="scroll" role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
            {tab === 'points' ? <PointsScreen onShowPosts={() => selectTab('posts')} /> : <PrivacyScreen />}
          </div>
        )}
        <Toast text={toast} onClose={() => setToast(null)} />
      </main>
    </>
  );
}
