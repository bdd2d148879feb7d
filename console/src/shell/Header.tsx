/**
 * The signed-in header: Relay's mark and the organisation's name, the main navigation, the theme
 * switch and the account. Below 720 px the navigation and the account fold behind a "Menu" button
 * (aria-expanded); Escape or a click elsewhere closes it and gives focus back to the button.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Logo } from '../components/Logo';
import { ThemeSelect } from '../components/ThemeSelect';
import { href, type Route } from '../router';
import type { Session } from '../types';
import { ROLE_LABELS } from '../../../lib/roles';
import { usePermissions } from '../permissions';
import { NAV } from './nav';
import { NotificationBell } from './NotificationBell';
import { useOrganizationName } from './organization-name';

interface Props {
  route: Route;
  session: Session;
  onSignOut: () => void;
}

export function Header({ route, session, onSignOut }: Props) {
  const { can, role } = usePermissions();
  const organization = useOrganizationName(can('settings.read'));
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }

  // A new screen closes the menu (focus goes to the screen's heading, not back to the button).
  useEffect(() => setOpen(false), [route]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('a[aria-current="page"], a')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <header class={`topbar${open ? ' topbar--open' : ''}`}>
      <a class="brand" href={href('/')}>
        <Logo />
        <span class="brand__name">{organization}</span>
        <span class="brand__product">Relay admin</span>
      </a>
      <button
        ref={button}
        type="button"
        class="button button--small menu-button"
        aria-expanded={open}
        aria-controls="topbar-menu"
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path d={open ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'} />
        </svg>
        Menu
      </button>
      <div id="topbar-menu" ref={menu} class="topbar__menu">
        <nav class="nav" aria-label="Main">
          <ul>
            {NAV.filter((item) => can(item.permission)).map((item) => (
              <li key={item.path}>
                <a href={href(item.path)} aria-current={item.active(route) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="account">
          <NotificationBell />
          <ThemeSelect />
          <span class="account__email" title={`Signed in as ${ROLE_LABELS[role]}`}>
            {session.admin.email} <span class="account__role">({ROLE_LABELS[role]})</span>
          </span>
          <button type="button" class="button button--small" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
