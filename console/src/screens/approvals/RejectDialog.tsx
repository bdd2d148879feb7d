/** "Reject this post?": the comment the submitter will read is required (POST /v1/admin/content/{id}/reject). */
import { useRef, useState } from 'preact/hooks';
import type { ContentItem } from '../../../../lib/schemas';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';

interface Props {
  item: ContentItem;
  onRejected: (item: ContentItem) => void;
  onClose: () => void;
}

const MAX_COMMENT = 2000;

export function RejectDialog({ item, onRejected, onClose }: Props) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const id = 'reject';

  function validate(): boolean {
    const problem = comment.trim() === '' ? 'Say what has to change: the submitter reads this.' : null;
    setError(problem);
    if (problem) input.current?.focus();
    return problem === null;
  }

  return (
    <ConfirmDialog
      id={id}
      title={`Reject “${item.title}”?`}
      confirm="Reject"
      failure="Couldn't reject the post"
      validate={validate}
      onConfirm={async () => {
        onRejected(
          await api.post<ContentItem>(`/v1/admin/content/${encodeURIComponent(item.id)}/reject`, {
            comment: comment.trim(),
          }),
        );
      }}
      onClose={onClose}
    >
      <p>It goes back to its author as a draft, with your comment.</p>
      <div class={`field${error ? ' field--invalid' : ''}`}>
        <label for={`${id}-comment`} class="field__label">
          Comment (required)
        </label>
        <textarea
          ref={input}
          id={`${id}-comment`}
          rows={4}
          maxLength={MAX_COMMENT}
          value={comment}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-comment-error` : undefined}
          onInput={(event) => setComment((event.target as HTMLTextAreaElement).value)}
        />
        {error && (
          <p id={`${id}-comment-error`} class="field__error">
            <span class="visually-hidden">Error: </span>
            {error}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}
