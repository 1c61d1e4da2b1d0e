import type { LayerBadge } from '../../../layers/badge.ts';
import type { Lang } from '../../../layers/types.ts';
import { badgeLabel } from '../strings/index.ts';

/** The badge layers/badge.ts decided, as a pill next to a layer's name; nothing for a surveyed built-in layer. */
export function BadgeMark({ badge, lang }: { badge: LayerBadge; lang: Lang }) {
  const label = badgeLabel(badge, lang);
  if (!label) return null;
  return (
    <span className={badge === 'user' ? 'badge-user' : 'badge-schematic'} data-badge={badge ?? ''}>
      {label}
    </span>
  );
}
