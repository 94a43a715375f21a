import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewReport } from '../../domain/report';
import type { PaneScoring } from '../hooks/paneScoring';
import { IndicatorChart } from './IndicatorChart';
import { ThresholdList } from './ThresholdList';
import { VerdictCard } from './VerdictCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
});

/** The verdict and why, the thresholds and a bar chart of each indicator's points against its maximum. */
export function ResultView({ report, scoring }: { report: ReviewReport; scoring: PaneScoring }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <VerdictCard scoring={scoring} />
      <ThresholdList report={report} />
      <IndicatorChart indicators={scoring.indicators} />
    </div>
  );
}
