import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Dropdown,
  Field,
  Option,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { SEVERITY_LABEL, type Finding, type ReviewReport, type Severity } from '../../domain/report';
import { checkInfo } from '../../domain/checks';
import { strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  filter: { flexBasis: '120px', flexGrow: 1, minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
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
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  where: { color: tokens.colorNeutralForeground2 },
  header: { overflowWrap: 'anywhere' },
});

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

function where(f: Finding): string {
  if (f.file === null) return strings.wholeFile;
  return [f.file, f.sheet, f.cell ?? (f.row !== null ? `第${f.row}行` : null)].filter(Boolean).join(' › ');
}

export interface FindingsListProps {
  report: ReviewReport;
  /** Select the finding's cell; absent on the standalone page. */
  onSelect?: (finding: Finding) => void;
  canSelect?: (finding: Finding) => boolean;
}

/** Findings grouped by check, filterable by severity and table; a finding with a cell selects it in Excel. */
export function FindingsList({ report, onSelect, canSelect }: FindingsListProps) {
  const styles = useStyles();
  const severityId = useId();
  const tableId = useId();
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const [table, setTable] = useState('all');
  const tables = useMemo(
    () => report.tables.map((t, i) => ({ key: String(i), label: `附表${t.kind}（${t.sheet}）`, file: t.file, sheet: t.sheet })),
    [report.tables],
  );
  const shown = report.findings.filter((f) => {
    if (severity !== 'all' && f.severity !== severity) return false;
    if (table === 'all') return true;
    const t = tables.find((x) => x.key === table);
    return t !== undefined && f.file === t.file && f.sheet === t.sheet;
  });
  const groups = new Map<string, Finding[]>();
  for (const f of shown) groups.set(f.check, [...(groups.get(f.check) ?? []), f]);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  const severityLabel = severity === 'all' ? strings.all : SEVERITY_LABEL[severity];
  const tableLabel = table === 'all' ? strings.all : (tables.find((t) => t.key === table)?.label ?? strings.all);

  return (
    <div className={styles.root}>
      <Caption1>{strings.findingsCount(report.findings.length, counts.error, counts.warning, counts.info)}</Caption1>
      <div className={styles.filters}>
        <Field className={styles.filter} label={{ children: strings.severityFilter, id: severityId }}>
          <Dropdown
            className={styles.dropdown}
            aria-labelledby={severityId}
            value={severityLabel}
            selectedOptions={[severity]}
            onOptionSelect={(_, d) => setSeverity((d.optionValue as Severity | 'all') ?? 'all')}
          >
            <Option value="all">{strings.all}</Option>
            {(['error', 'warning', 'info'] as const).map((s) => (
              <Option key={s} value={s}>
                {SEVERITY_LABEL[s]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field className={styles.filter} label={{ children: strings.tableFilter, id: tableId }}>
          <Dropdown
            className={styles.dropdown}
            aria-labelledby={tableId}
            value={tableLabel}
            selectedOptions={[table]}
            onOptionSelect={(_, d) => setTable(d.optionValue ?? 'all')}
          >
            <Option value="all">{strings.all}</Option>
            {tables.map((t) => (
              <Option key={t.key} value={t.key}>
                {t.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {shown.length === 0 ? <Caption1>{strings.noFindings}</Caption1> : null}
      <Accordion multiple collapsible defaultOpenItems={[...groups.keys()].slice(0, 1)}>
        {[...groups.entries()].map(([check, list]) => (
          <AccordionItem key={check} value={check}>
            <AccordionHeader size="small" className={styles.header}>
              {`${checkInfo(check).title}（${list.length}）`}
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {list.map((f, i) => {
                  const selectable = Boolean(onSelect) && (canSelect ? canSelect(f) : true);
                  const content = (
                    <>
                      <Badge appearance="tint" color={SEVERITY_COLOR[f.severity]} style={{ flexShrink: 0 }}>
                        {SEVERITY_LABEL[f.severity]}
                      </Badge>
                      <span className={styles.text}>
                        <Caption1 className={styles.where}>{where(f)}</Caption1>
                        <span>{f.message}</span>
                      </span>
                    </>
                  );
                  return (
                    <li key={i}>
                      {selectable ? (
                        <Button
                          className={styles.finding}
                          appearance="subtle"
                          title={strings.goToCell}
                          onClick={() => onSelect?.(f)}
                        >
                          {content}
                        </Button>
                      ) : (
                        <div className={styles.finding} style={{ display: 'flex' }}>
                          {content}
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
