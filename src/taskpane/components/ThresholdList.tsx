import { Badge, Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewReport, Threshold, ThresholdStatus } from '../../domain/report';
import { declaredFor } from '../../workbook/layout/declaredValues';
import { thresholdRequired, thresholdValue } from '../format';
import { strings } from '../strings';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0 },
  head: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  badge: { flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

const STATUS_COLOR: Record<ThresholdStatus, 'success' | 'danger' | 'warning'> = { pass: 'success', fail: 'danger', manual: 'warning' };

/** 核定 116 家 要求 100 家 申报 120 家, each in the threshold's unit; null when there is none of them. */
export function thresholdFigures(t: Threshold, declared: number | null): string | null {
  const parts = [
    t.value !== null ? `${strings.verifiedLabel} ${thresholdValue(t.id, t.value)}` : null,
    t.required !== null ? `${strings.requiredLabel} ${thresholdRequired(t.id, t.required)}` : null,
    declared !== null ? `${strings.declaredLabel} ${thresholdValue(t.id, declared)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join('　') : null;
}

/** The 门槛条件 T1–T11: conclusion, figures with units, and the note. */
export function ThresholdList({ report }: { report: ReviewReport }) {
  const styles = useStyles();
  return (
    <section aria-label={strings.thresholds}>
      <Subtitle2 as="h3" style={{ margin: `0 0 ${tokens.spacingVerticalS}` }}>
        {strings.thresholds}
      </Subtitle2>
      <ul className={styles.list}>
        {report.thresholds.map((t) => {
          const figures = thresholdFigures(t, declaredFor(report, t.id));
          return (
            <li key={t.id} className={styles.item}>
              <div className={styles.head}>
                <Body1 className={styles.title}>
                  <strong>{t.id}</strong> {t.title}
                </Body1>
                <Badge className={styles.badge} appearance="tint" color={STATUS_COLOR[t.status]}>
                  {strings.thresholdStatus[t.status]}
                </Badge>
              </div>
              {figures ? (
                <Caption1 className={styles.muted} data-testid={`threshold-${t.id}`}>
                  {figures}
                </Caption1>
              ) : null}
              {t.note ? <Caption1 className={styles.muted}>{t.note}</Caption1> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
