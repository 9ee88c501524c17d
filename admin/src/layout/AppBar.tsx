import { AppBar as RaAppBar, LocalesMenuButton, RefreshIconButton, TitlePortal } from 'react-admin';
import { InboxBadge } from './InboxBadge';

const Toolbar = () => (
  <>
    <InboxBadge />
    <LocalesMenuButton />
    <RefreshIconButton />
  </>
);

export const AppBar = () => (
  <RaAppBar toolbar={<Toolbar />}>
    <TitlePortal />
  </RaAppBar>
);
