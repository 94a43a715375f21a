import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Notice } from '../hooks/useReview';
import { strings } from '../strings';

const useStyles = makeStyles({
  wrap: { overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** A notice after an action, with its details listed. */
export function NoticeBar({ notice }: { notice: NonNullable<Notice> }) {
  const styles = useStyles();
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody className={styles.wrap}>
        {notice.text}
        {notice.details?.length ? (
          <ul className={styles.list}>
            {notice.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/** An action's error, which the user can dismiss. */
export function ErrorBar({ error, onDismiss }: { error: string; onDismiss(): void }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody className={styles.wrap}>
        <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
        {error}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label={strings.dismiss} icon={<DismissRegular />} onClick={onDismiss} />} />
    </MessageBar>
  );
}
