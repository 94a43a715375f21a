import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { OutsideReason } from '../host';
import { strings } from '../strings';

const useStyles = makeStyles({
  body: { overflowWrap: 'anywhere' },
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  reason: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  path: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export interface OutsideExcelNoticeProps {
  reason: OutsideReason;
  /** The Office host that loaded the page, when it is not Excel (e.g. "Word"). */
  hostName: string | null;
}

/** Warning shown when the page is not running inside Excel, with brief sideloading steps. */
export function OutsideExcelNotice({ reason, hostName }: OutsideExcelNoticeProps) {
  const styles = useStyles();
  const reasonText = reason === 'not-excel' && hostName ? strings.otherHost(hostName) : strings.outsideReason[reason];
  return (
    <MessageBar intent="warning" layout="multiline" aria-live="polite">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{strings.outsideTitle}</MessageBarTitle>
        <span className={styles.reason}>{reasonText}</span>
        <span className={styles.reason}>{strings.sideloadIntro}</span>
        <ol className={styles.list} aria-label="旁加载步骤">
          <li>{strings.sideloadWindows}</li>
          <li>{strings.sideloadMac}</li>
          <li>{strings.sideloadWeb}</li>
        </ol>
      </MessageBarBody>
    </MessageBar>
  );
}
