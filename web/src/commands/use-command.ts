import { isEnabled } from '../../domain/ui/keys.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { type CommandId, commandById, runCommand } from './registry.ts';

/** A command for a button: its label in the current language, whether it is enabled now, and a run function. */
export function useCommand(id: CommandId): { label: string; enabled: boolean; run: () => void } {
  const c = commandById(id);
  const label = useAppStore((s) => t(c.label, s.lang));
  const enabled = useAppStore((s) => isEnabled(c, s));
  return { label, enabled, run: () => void runCommand(id) };
}
