/**
 * "/": the first-run guide while there is no content yet (create a post, invite advocates, set the
 * guidelines), else the overview: is the programme working? (GET /v1/admin/overview).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Overview } from '../../../lib/console-schemas';
import type { ContentItem, Guidelines } from '../../../lib/schemas';
import { api } from '../api';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/ui';
import { usePermissions } from '../permissions';
import { href } from '../router';
import type { Invite } from '../types';
import { useFetched } from '../use-fetched';
import { OverviewScreen } from './home/OverviewScreen';

interface Progress {
  invites: number;
  guidelinesSet: boolean;
}

export function Home() {
  // A role that can't read content (an analyst) goes straight to the overview.
  const readsContent = usePermissions().can('content.read');
  const content = useFetched<{ items: ContentItem[] }>(readsContent ? '/v1/admin/content' : null);
  const overview = useFetched<Overview>('/v1/admin/overview');
  const failed = content.error ? content : overview;
  return (
    <Loaded
      header={failed.error ? <PageHeader title="Home" /> : undefined}
      failure="Couldn't load the overview"
      loading="Loading the overview…"
      from={failed}
      ready={(content.data !== null || !readsContent) && (content.data?.items.length === 0 || overview.data !== null)}
    >
      {() =>
        content.data?.items.length === 0 ? <Welcome /> : overview.data && <OverviewScreen overview={overview.data} />
      }
    </Loaded>
  );
}

export function Welcome() {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    let cancelled = false;
    Promise.all([
      api.get<{ items: Invite[] }>('/v1/admin/invites').catch(() => ({ items: [] as Invite[] })),
      api.get<Guidelines>('/v1/admin/guidelines').catch(() => null),
    ]).then(([invites, guidelines]) => {
      if (cancelled) return;
      setProgress({
        invites: invites.items.filter((invite) => !invite.revoked).length,
        guidelinesSet: Boolean(guidelines && (guidelines.disclosure || guidelines.bannedTerms.length > 0)),
      });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const steps = [
    {
      title: 'Create your first post',
      text: 'Give advocates a link, a note and a few text variants for LinkedIn and X, so colleagues don’t all post the same words.',
      action: 'Create a post',
      path: '/content/new',
      done: false,
    },
    {
      title: 'Invite advocates',
      text: 'Make an invite code and send it with the server address. Advocates enter both in the Relay browser extension.',
      action: 'Create an invite',
      path: '/people',
      done: (progress?.invites ?? 0) > 0,
    },
    {
      title: 'Set your guidelines',
      text: 'A disclosure such as #employee, banned phrases with the reason, hashtag and daily limits. The extension checks posts against them as people type.',
      action: 'Set guidelines',
      path: '/guidelines',
      done: progress?.guidelinesSet ?? false,
    },
  ];

  return (
    <section class="welcome" aria-labelledby="welcome-steps">
      <PageHeader title="Welcome to Relay">
        <p>There is no content yet. Three steps get your advocacy programme going:</p>
      </PageHeader>
      <h2 id="welcome-steps" class="visually-hidden">
        Getting started
      </h2>
      <ol class="steps">
        {steps.map((step, index) => (
          <li key={step.path} class={`step card${step.done ? ' step--done' : ''}`}>
            <span class="step__number" aria-hidden="true">
              {step.done ? '✓' : index + 1}
            </span>
            <div class="step__body">
              <h3>
                {step.title}
                {step.done && <span class="badge badge--ok">Done</span>}
              </h3>
              <p>{step.text}</p>
              <a class={`button${index === 0 ? ' button--primary' : ''}`} href={href(step.path)}>
                {step.action}
              </a>
            </div>
          </li>
        ))}
      </ol>
      <p class="muted">
        Scoring and gamification come with sensible defaults; change them any time under{' '}
        <a href={href('/scoring')}>Scoring</a>.
      </p>
    </section>
  );
}
