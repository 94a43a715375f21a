import { Badge, Body1, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReviewReport, ThresholdStatus } from '../../domain/report';
import type { PaneScoring } from '../hooks/useReview';
import { strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  verdict: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0 },
  itemHead: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalS },
  itemTitle: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  badge: { flexShrink: 0 },
  chartRow: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0 },
  chartLabel: { display: 'flex', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  track: {
    height: '8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground5,
    overflow: 'hidden',
  },
  bar: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  barFull: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  manual: { backgroundImage: `repeating-linear-gradient(45deg, ${tokens.colorNeutralStroke2} 0 4px, transparent 4px 8px)`, height: '100%' },
});

const VERDICT_COLOR = { 合格: 'success', 不合格: 'danger', 待定: 'warning' } as const;
const STATUS_COLOR: Record<ThresholdStatus, 'success' | 'danger' | 'warning'> = { pass: 'success', fail: 'danger', manual: 'warning' };

function show(value: number | null, id: string): string {
  if (value === null) return '—';
  if (id === 'T9') return `${(value * 100).toFixed(1)}%`;
  return String(Math.round(value * 100) / 100);
}

/** The verdict, the thresholds and a bar chart of each indicator's points against its maximum. */
export function ResultView({ report, scoring }: { report: ReviewReport; scoring: PaneScoring }) {
  const styles = useStyles();
  const verdict = scoring.verdict;
  return (
    <div className={styles.root}>
      <div className={styles.verdict} role="status" aria-label={`${strings.verdictLabel}：${verdict}`}>
        <Badge size="extra-large" appearance="filled" color={VERDICT_COLOR[verdict]} data-testid="verdict">
          {verdict}
        </Badge>
        <div style={{ minWidth: 0 }}>
          <Body1 as="p" style={{ margin: 0 }}>
            {strings.score(scoring.total, scoring.maxTotal)}
          </Body1>
          <Body1 as="p" style={{ margin: 0 }} data-testid="consequence">
            {scoring.consequence}
          </Body1>
          <Caption1 className={styles.muted} block>
            {strings.scoreNote}
          </Caption1>
        </div>
      </div>

      <section aria-label={strings.thresholds}>
        <Subtitle2 as="h3" style={{ margin: `0 0 ${tokens.spacingVerticalS}` }}>
          {strings.thresholds}
        </Subtitle2>
        <ul className={styles.list}>
          {report.thresholds.map((t) => (
            <li key={t.id} className={styles.item}>
              <div className={styles.itemHead}>
                <Body1 className={styles.itemTitle}>
                  <strong>{t.id}</strong> {t.title}
                </Body1>
                <Badge className={styles.badge} appearance="tint" color={STATUS_COLOR[t.status]}>
                  {strings.thresholdStatus[t.status]}
                </Badge>
              </div>
              {t.value !== null || t.required !== null ? (
                <Caption1 className={styles.muted}>{`${show(t.value, t.id)} / 要求 ${t.id === 'T9' && t.required !== null ? `${t.required * 100}%` : show(t.required, t.id)}`}</Caption1>
              ) : null}
              {t.note ? <Caption1 className={styles.muted}>{t.note}</Caption1> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-label={strings.indicators}>
        <Subtitle2 as="h3" style={{ margin: `0 0 ${tokens.spacingVerticalS}` }}>
          {strings.indicators}
        </Subtitle2>
        <ul className={styles.list} data-testid="indicator-chart">
          {scoring.indicators.map((ind) => {
            const { max, points } = ind;
            const share = points === null || max <= 0 ? 0 : Math.max(0, Math.min(1, points / max));
            const label = points === null ? strings.manualIndicator : `${points} / ${max}`;
            return (
              <li key={ind.id} className={styles.chartRow} aria-label={`${ind.id} ${ind.title}：${label}`}>
                <div className={styles.chartLabel}>
                  <Caption1 className={styles.itemTitle}>{`${ind.id} ${ind.title}`}</Caption1>
                  <Caption1 style={{ flexShrink: 0 }}>{label}</Caption1>
                </div>
                <div className={styles.track} aria-hidden="true">
                  {points === null ? (
                    <div className={styles.manual} />
                  ) : (
                    <div className={mergeClasses(styles.bar, share >= 1 && styles.barFull)} style={{ width: `${share * 100}%` }} />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
