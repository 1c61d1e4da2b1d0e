import type { Lang } from '../../../layers/types.ts';
import type { TourIssue } from '../../domain/tour/validate.ts';
import { t } from '../strings/index.ts';

/** Why a tour was refused: every issue with the path it is at (rendered as text). */
export function TourIssueList({ issues, lang }: { issues: readonly TourIssue[]; lang: Lang }) {
  return (
    <ul>
      {issues.map((issue) => (
        <li key={`${issue.path}\n${issue.en}`}>
          <code>{issue.path || t('tourWholeFile', lang)}</code> {issue[lang]}
        </li>
      ))}
    </ul>
  );
}
