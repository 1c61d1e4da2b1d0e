import { useEffect } from 'react';
import { LayerInfo } from '../components/LayerInfo.tsx';
import { LayerPanel } from '../components/LayerPanel.tsx';
import { MapView } from '../components/MapView.tsx';
import { StatusBar } from '../components/StatusBar.tsx';
import { ZonePanel } from '../components/ZonePanel.tsx';
import { t } from '../i18n.ts';
import { useAppStore } from '../store/store.ts';

export function App() {
  const lang = useAppStore((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !useAppStore.getState().infoLayerId) useAppStore.getState().selectZone(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lang]);
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{t('title', lang)}</h1>
          <p className="subtitle">{t('subtitle', lang)}</p>
        </div>
        <button
          type="button"
          className="lang-toggle"
          aria-label={t('languageLabel', lang)}
          onClick={() => useAppStore.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('language', lang)}
        </button>
      </header>
      <main className="app-main">
        <LayerPanel />
        <MapView />
        <ZonePanel />
      </main>
      <StatusBar />
      <LayerInfo />
    </div>
  );
}
