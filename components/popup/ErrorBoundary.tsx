/**
 * Last line of defence against a blank popup: if rendering throws, show what happened and a way
 * to start again instead of an empty panel.
 */
import { Component, type ComponentChildren } from 'preact';
import { describeError } from './describeError';
import { LoadError } from './LoadError';

interface Props {
  children: ComponentChildren;
  /** Called once a render has thrown (the popup forgets its kept snapshot, in case that was the cause). */
  onCrash?: () => void;
}

export class ErrorBoundary extends Component<Props, { error: string | null }> {
  override state = { error: null as string | null };

  static override getDerivedStateFromError(error: unknown) {
    return { error: describeError(error) };
  }

  override componentDidCatch(error: unknown) {
    console.error('Relay popup crashed while rendering', error);
    this.props.onCrash?.();
  }

  override render() {
    if (this.state.error !== null) {
      return <LoadError message={this.state.error} onRetry={() => location.reload()} />;
    }
    return this.props.children;
  }
}
