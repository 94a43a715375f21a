import { Body1, Button, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { TaskListSquareLtrRegular } from '@fluentui/react-icons';
import type { HostInfo } from '../host';
import { strings } from '../strings';
import { ApiSupportNote } from './ApiSupportNote';
import { OutsideExcelNotice } from './OutsideExcelNotice';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  header: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  logo: { flexShrink: 0, width: '32px', height: '32px' },
  title: { margin: 0, overflowWrap: 'anywhere' },
  description: { color: tokens.colorNeutralForeground2 },
  start: { alignSelf: 'flex-start', maxWidth: '100%' },
});

export interface FirstScreenProps {
  /** Where the page runs; null while detection is still in progress. */
  host: HostInfo | null;
}

/** The task pane's first screen: title, description, start button and host notices. */
export function FirstScreen({ host }: FirstScreenProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" width={32} height={32} />
        <Title3 as="h1" className={styles.title}>
          {strings.title}
        </Title3>
      </header>
      {host?.kind === 'outside' ? <OutsideExcelNotice reason={host.reason} hostName={host.hostName} /> : null}
      <Body1 as="p" className={styles.description} style={{ margin: 0 }}>
        {strings.description}
      </Body1>
      {host === null ? <Spinner size="tiny" labelPosition="after" label={strings.detecting} /> : null}
      {host?.kind === 'excel' ? <ApiSupportNote excelApi={host.excelApi} /> : null}
      <Button
        className={styles.start}
        appearance="primary"
        icon={<TaskListSquareLtrRegular />}
        disabled
        title={strings.startReviewPending}
      >
        {strings.startReview}
      </Button>
    </main>
  );
}
