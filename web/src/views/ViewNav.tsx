import { type CommandId, runCommand } from '../commands/registry.ts';
import { useAppStore } from '../store/store.ts';
import { type StringKey, t } from '../strings/index.ts';

const TABS: { view: 'indicators' | 'tasks'; command: CommandId; label: StringKey }[] = [
  { view: 'indicators', command: 'view.indicators', label: 'viewIndicators' },
  { view: 'tasks', command: 'view.tasks', label: 'viewTasks' },
];

/** The header buttons that open (and close) the indicator dashboard and the task browser. */
export function ViewNav() {
  const view = useAppStore((s) => s.view);
  const lang = useAppStore((s) => s.lang);
  return (
    <nav className="view-nav" aria-label={t('viewNav', lang)}>
      {TABS.map((tab) => (
        <button
          key={tab.view}
          type="button"
          aria-pressed={view === tab.view}
          onClick={() => runCommand(tab.command)}
        >
          {t(tab.label, lang)}
        </button>
      ))}
    </nav>
  );
}
