import { Badge, Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneScoring } from '../hooks/paneScoring';
import { strings } from '../strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: { minWidth: 0, flexBasis: '180px', flexGrow: 1, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  line: { margin: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

const VERDICT_COLOR = { 合格: 'success', 不合格: 'danger', 待定: 'warning' } as const;

/**
 * The verdict with why it is so (「T1、T2 待核；13 项指标需人工核定」), and the score: while items
 * are scored by hand, only 「系统可计算部分 x / y」, so 待定 beside a low total does not read as a fail.
 */
export function VerdictCard({ scoring }: { scoring: PaneScoring }) {
  const styles = useStyles();
  const { verdict, manualCount } = scoring;
  const score = manualCount ? strings.computableScore(scoring.total, scoring.computableMax) : strings.score(scoring.total, scoring.maxTotal);
  return (
    <div className={styles.root} role="status" aria-label={`${strings.verdictLabel}：${verdict}，${scoring.reason}`}>
      <Badge size="extra-large" appearance="filled" color={VERDICT_COLOR[verdict]} data-testid="verdict">
        {verdict}
      </Badge>
      <div className={styles.text}>
        <Body1 as="p" className={styles.line} data-testid="verdict-reason">
          {scoring.reason}
        </Body1>
        <Body1 as="p" className={styles.line} data-testid="score">
          {score}
        </Body1>
        {manualCount ? (
          <Caption1 className={styles.muted} block>
            {strings.manualScoreNote(manualCount, scoring.manualMax, scoring.maxTotal)}
          </Caption1>
        ) : null}
        <Body1 as="p" className={styles.line} data-testid="consequence">
          {scoring.consequence}
        </Body1>
        <Caption1 className={styles.muted} block>
          {strings.scoreNote}
        </Caption1>
      </div>
    </div>
  );
}
