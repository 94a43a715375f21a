import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneIndicator } from '../hooks/paneScoring';
import { strings } from '../strings';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0 },
  label: { display: 'flex', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  figures: { flexShrink: 0, textAlign: 'right' },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
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

/** What a row says beside its title: 「122 家 8 / 10 分」, or 人工核定. */
export function indicatorLabel(ind: PaneIndicator): string {
  if (ind.points === null) return strings.manualIndicator;
  const points = strings.points(ind.points, ind.max);
  return ind.verified ? `${ind.verified}　${points}` : points;
}

/** A bar per indicator: its points against its maximum, beside the verified figure; manual items hatched. */
export function IndicatorChart({ indicators }: { indicators: PaneIndicator[] }) {
  const styles = useStyles();
  return (
    <section aria-label={strings.indicators}>
      <Subtitle2 as="h3" style={{ margin: `0 0 ${tokens.spacingVerticalS}` }}>
        {strings.indicators}
      </Subtitle2>
      <ul className={styles.list} data-testid="indicator-chart">
        {indicators.map((ind) => {
          const { max, points } = ind;
          const share = points === null || max <= 0 ? 0 : Math.max(0, Math.min(1, points / max));
          const label = indicatorLabel(ind);
          const declared = ind.declared ? `${strings.declaredLabel} ${ind.declared}` : null;
          return (
            <li key={ind.id} className={styles.row} aria-label={[`${ind.id} ${ind.title}：${label}`, declared].filter(Boolean).join('，')}>
              <div className={styles.label}>
                <Caption1 className={styles.title}>{`${ind.id} ${ind.title}`}</Caption1>
                <Caption1 className={styles.figures}>{label}</Caption1>
              </div>
              <div className={styles.track} aria-hidden="true">
                {points === null ? (
                  <div className={styles.manual} />
                ) : (
                  <div className={mergeClasses(styles.bar, share >= 1 && styles.barFull)} style={{ width: `${share * 100}%` }} />
                )}
              </div>
              {declared ? <Caption1 className={styles.muted}>{declared}</Caption1> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
