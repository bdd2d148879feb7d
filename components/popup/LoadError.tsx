/** The popup could not get its state from the background: say so, and offer "Try again". */
export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <main class="screen screen--center">
      <div class="load-error" role="alert">
        <h1>Relay couldn't load your posts</h1>
        <p>Relay's background service did not answer. Trying again usually fixes it.</p>
        <p class="detail">{message}</p>
      </div>
      <button type="button" class="button button--primary" onClick={onRetry}>
        Try again
      </button>
    </main>
  );
}
