import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { bindKeyboard } from '../commands/keyboard.ts';
import { useAppStore } from '../store/store.ts';
import { bindProjectorSync } from '../tour/presenter/tour-sync.ts';
import { App } from './App.tsx';

const PresenterView = lazy(() => import('../tour/presenter/PresenterView.tsx'));

/** The map app, loaded by main.tsx once the map it started is first idle (boot-map.ts). */
export function renderApp(root: HTMLElement): void {
  bindKeyboard();
  bindProjectorSync(useAppStore);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

/** A tour's presenter view (`presenter=1`: notes, timer, no map), rendered instead of the map app. */
export function renderPresenter(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <Suspense fallback={null}>
        <PresenterView />
      </Suspense>
    </StrictMode>,
  );
}
