import { lazy, Suspense, useEffect } from 'react';
import { LayerPanel } from '../components/LayerPanel.tsx';
import { MapView } from '../components/MapView.tsx';
import { StatusBar } from '../components/StatusBar.tsx';
import { ZonePanel } from '../components/ZonePanel.tsx';

const LayerInfo = lazy(() => import('../components/LayerInfo.tsx'));
const ScreeningPanel = lazy(() => import('../screening/ScreeningPanel.tsx'));
const PositionCard = lazy(() => import('../field/PositionCard.tsx'));

import { runCommand } from '../commands/registry.ts';
import { WalkOfferAtStart } from '../field/walk/WalkOfferAtStart.tsx';
import { panelsAreShown } from '../map/map-port.ts';
import { HeaderMenu } from '../phone/HeaderMenu.tsx';
import { SheetBar } from '../phone/SheetBar.tsx';
import { useSheet } from '../phone/sheet-store.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { MyToursButton, MyToursSlot } from '../tour/MyToursButton.tsx';
import { TourButton } from '../tour/TourButton.tsx';
import { TourSlot } from '../tour/TourSlot.tsx';
import { ViewNav } from '../views/ViewNav.tsx';
import { ViewPanel } from '../views/ViewPanel.tsx';
import { ZonePaintLegend } from '../views/ZonePaintLegend.tsx';

export function App() {
  const lang = useAppStore((s) => s.lang);
  const infoOpen = useAppStore((s) => s.infoLayerId !== null);
  const screeningOpen = useAppStore((s) => s.screeningOpen);
  const positionOpen = useAppStore((s) => s.field.open);
  const sheet = useSheet();
  // the panels a link opened are in the page now: a frame it asked for may keep clear of them
  useEffect(() => panelsAreShown(), []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{t('title', lang)}</h1>
          <p className="subtitle">{t('subtitle', lang)}</p>
        </div>
        <HeaderMenu>
          <ViewNav />
          <button
            type="button"
            className="screening-toggle"
            aria-pressed={screeningOpen}
            onClick={() => runCommand('screening.toggle')}
          >
            {t('screening', lang)}
          </button>
          <TourButton />
          <MyToursButton />
          <button type="button" className="lang-toggle" onClick={() => runCommand('lang.toggle')}>
            {/* the name says the visible word first (WCAG 2.5.3), then what the button does */}
            <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{t('language', lang)}</span>
            <span className="visually-hidden"> {t('languageLabel', lang)}</span>
          </button>
        </HeaderMenu>
      </header>
      <WalkOfferAtStart />
      {/* on a phone the panels share a bottom sheet (styles/phone.css): its height and the panel it shows */}
      <main className="app-main" data-sheet={sheet.size} data-sheet-tab={sheet.tab ?? undefined}>
        <LayerPanel />
        <MapView />
        <SheetBar />
        <ViewPanel />
        <ZonePanel />
        {positionOpen ? (
          <Suspense fallback={null}>
            <PositionCard />
          </Suspense>
        ) : null}
        <ZonePaintLegend />
        <MyToursSlot />
        {screeningOpen ? (
          <Suspense fallback={null}>
            <ScreeningPanel />
          </Suspense>
        ) : null}
      </main>
      <StatusBar />
      <TourSlot />
      {infoOpen ? (
        <Suspense fallback={null}>
          <LayerInfo />
        </Suspense>
      ) : null}
    </div>
  );
}
