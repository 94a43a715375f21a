import { Badge, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { SEVERITY_LABEL, type Finding, type Severity } from '../../domain/report';
import { strings } from '../strings';

const useStyles = makeStyles({
  finding: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightRegular,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  plain: { display: 'flex' },
  badge: { flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  where: { color: tokens.colorNeutralForeground2 },
});

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/** Where a finding points: 文件 › 工作表 › 单元格 (or 第N行), or 整个文件. */
export function where(f: Finding): string {
  if (f.file === null) return strings.wholeFile;
  return [f.file, f.sheet, f.cell ?? (f.row !== null ? `第${f.row}行` : null)].filter(Boolean).join(' › ');
}

/** One finding: severity, where and what; a button that selects its cell when it has one in Excel. */
export function FindingItem({ finding, onSelect }: { finding: Finding; onSelect?: (finding: Finding) => void }) {
  const styles = useStyles();
  const content = (
    <>
      <Badge appearance="tint" color={SEVERITY_COLOR[finding.severity]} className={styles.badge}>
        {SEVERITY_LABEL[finding.severity]}
      </Badge>
      <span className={styles.text}>
        <Caption1 className={styles.where}>{where(finding)}</Caption1>
        <span>{finding.message}</span>
      </span>
    </>
  );
  return onSelect ? (
    <Button className={styles.finding} appearance="subtle" title={strings.goToCell} onClick={() => onSelect(finding)}>
      {content}
    </Button>
  ) : (
    <div className={`${styles.finding} ${styles.plain}`}>{content}</div>
  );
}
