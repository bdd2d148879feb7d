/** The home's lists of posts: the most shared of the last 30 days, and those going live or expiring soon. */
import type { Overview } from '../../../../lib/console-schemas';
import { contentHref, href } from '../../router';
import { formatDateTime, formatRelative } from '../../time';

export function TopPosts({ posts }: { posts: Overview['topPosts'] }) {
  const most = Math.max(1, ...posts.map((post) => post.shares));
  return (
    <section class="card home__card" aria-labelledby="home-top">
      <h2 id="home-top">Top posts</h2>
      {posts.length === 0 ? (
        <p class="muted">
          No post has been shared in the last 30 days. Once advocates share, the posts they share most are listed here.
        </p>
      ) : (
        <ol class="home-list">
          {posts.map((post) => (
            <li key={post.contentId} class="home-list__item">
              <a href={contentHref(post.contentId)}>{post.title}</a>
              <span class="home-list__meta">
                {post.shares.toLocaleString()} share{post.shares === 1 ? '' : 's'} · {post.clicks.toLocaleString()}{' '}
                click{post.clicks === 1 ? '' : 's'}
              </span>
              <span class="home-bar" aria-hidden="true">
                <span class={`home-bar__fill home-bar__fill--${Math.round((post.shares / most) * 10)}`} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

interface Dated {
  id: string;
  title: string;
  at: string;
}

function DatedList(props: {
  id: string;
  title: string;
  verb: string;
  items: Dated[];
  empty: string;
  more?: { text: string; path: string; params: Record<string, string> };
}) {
  return (
    <section class="card home__card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.items.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <ul class="home-list">
          {props.items.map((item) => (
            <li key={item.id} class="home-list__item">
              <a href={contentHref(item.id)}>{item.title}</a>
              <span class="home-list__meta">
                {props.verb} <time dateTime={item.at}>{formatRelative(item.at)}</time> · {formatDateTime(item.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.more && props.items.length > 0 && (
        <p class="home__more small">
          <a href={href(props.more.path, props.more.params)}>{props.more.text}</a>
        </p>
      )}
    </section>
  );
}

export function ComingUp({ overview }: { overview: Overview }) {
  return (
    <div class="home__stack">
      <DatedList
        id="home-going-live"
        title="Going live soon"
        verb="Goes live"
        items={overview.goingLive.map((post) => ({ id: post.id, title: post.title, at: post.publishAt }))}
        empty="Nothing is scheduled. Give a post a publish time in the editor and it goes live on its own."
        more={{ text: 'All scheduled posts', path: '/content', params: { status: 'scheduled' } }}
      />
      <DatedList
        id="home-expiring"
        title="Expiring soon"
        verb="Expires"
        items={overview.expiring.map((post) => ({ id: post.id, title: post.title, at: post.expiresAt }))}
        empty="No live post expires in the next 14 days."
      />
    </div>
  );
}
