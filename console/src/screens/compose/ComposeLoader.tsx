/**
 * Loads what the editor needs: its code (a chunk of its own: twitter-text is large, and only the
 * editor counts X's weighted length), the guidelines for the checks, and the post when editing.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ContentItem, Guidelines } from '../../../../lib/schemas';
import { api, ApiError, describeError } from '../../api';
import { Loading, LoadError, PageHeader } from '../../components/ui';
import { href } from '../../router';
import type { ComposeProps } from './Compose';

type ComposeComponent = FunctionComponent<ComposeProps>;

interface Loaded {
  Compose: ComposeComponent;
  item: ContentItem | null;
  guidelines: Guidelines | null;
  guidelinesError: string | null;
}

export function ComposeLoader({ id }: { id: string | null }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ message: string; missing: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    setLoaded(null);
    const item = id ? api.get<ContentItem>(`/v1/admin/content/${encodeURIComponent(id)}`) : Promise.resolve(null);
    const guidelines = api
      .get<Guidelines>('/v1/admin/guidelines')
      .then((value) => ({ value, error: null }))
      .catch((caught: unknown) => ({ value: null, error: describeError(caught) }));
    Promise.all([import('./Compose'), item, guidelines])
      .then(([module, content, rules]) => {
        if (cancelled) return;
        setLoaded({ Compose: module.Compose, item: content, guidelines: rules.value, guidelinesError: rules.error });
      })
      .catch((caught: unknown) => {
        if (cancelled) return;
        setError({ message: describeError(caught), missing: caught instanceof ApiError && caught.status === 404 });
      });
    return () => {
      cancelled = true;
    };
  }, [id, attempt]);

  if (error) {
    return (
      <>
        <PageHeader title={error.missing ? 'Post not found' : id ? 'Edit post' : 'New post'} />
        {error.missing ? (
          <p>
            There is no post with this id. <a href={href('/content')}>Back to the content list</a>.
          </p>
        ) : (
          <LoadError message={`Couldn't open the editor: ${error.message}`} onRetry={() => setAttempt((n) => n + 1)} />
        )}
      </>
    );
  }
  if (!loaded) return <Loading label={id ? 'Loading the post…' : 'Opening the editor…'} />;
  const { Compose } = loaded;
  return (
    <Compose
      key={loaded.item?.id ?? 'new'}
      item={loaded.item}
      guidelines={loaded.guidelines}
      guidelinesError={loaded.guidelinesError}
    />
  );
}
