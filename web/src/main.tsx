import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { bindUrlState } from './app/url-state.ts';
import { bindKeyboard } from './commands/keyboard.ts';
import { useAppStore } from './store/store.ts';
import { registerLinkedUserTour } from './tour/user-tour-sources.ts';

registerLinkedUserTour(location.search);
bindUrlState(useAppStore);
bindKeyboard();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
