import { AppBar as RaAppBar, LocalesMenuButton, RefreshIconButton, TitlePortal } from 'react-admin';

const Toolbar = () => (
  <>
    <LocalesMenuButton />
    <RefreshIconButton />
  </>
);

export const AppBar = () => (
  <RaAppBar toolbar={<Toolbar />}>
    <TitlePortal />
  </RaAppBar>
);
