/** Relay's mark, shared with the popup. */
export { Logo } from '../../../components/shared/Logo';
