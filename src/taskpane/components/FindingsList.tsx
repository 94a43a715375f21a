import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Caption1, Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { checkInfo } from '../../domain/checks';
import { SEVERITY_LABEL, type Finding, type ReviewReport, type Severity } from '../../domain/report';
import type { CopiedSheet } from '../../workbook/layout/types';
import { dropdownSlots } from '../a11y';
import { useFindingsFilter } from '../hooks/useFindingsFilter';
import { strings } from '../strings';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  filter: { flexBasis: '120px', flexGrow: 1, minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  header: { overflowWrap: 'anywhere' },
});

export interface FindingsListProps {
  report: ReviewReport;
  /** Where each sheet is in the review workbook (Excel); the held files' order otherwise. */
  copied?: readonly CopiedSheet[];
  files?: readonly string[];
  /** Select the finding's cell; absent on the standalone page. */
  onSelect?: (finding: Finding) => void;
  canSelect?: (finding: Finding) => boolean;
}

/** Findings grouped by check in the 问题清单's order, filterable by severity and by the tables that have findings. */
export function FindingsList({ report, copied, files, onSelect, canSelect }: FindingsListProps) {
  const styles = useStyles();
  const severityId = useId();
  const tableId = useId();
  const view = useFindingsFilter(report, copied, files);
  const filtered = view.severity !== 'all' || view.table !== 'all';
  const severityLabel = view.severity === 'all' ? strings.all : SEVERITY_LABEL[view.severity];
  const tableLabel = view.tables.find((t) => t.key === view.table)?.label ?? strings.all;

  return (
    <div className={styles.root}>
      <Caption1 data-testid="findings-count">
        {strings.findingsCount(view.shown, view.counts.error, view.counts.warning, view.counts.info) + (filtered ? strings.findingsOfAll(report.findings.length) : '')}
      </Caption1>
      <div className={styles.filters}>
        <Field className={styles.filter} label={{ children: strings.severityFilter, id: severityId }}>
          <Dropdown
            {...dropdownSlots}
            className={styles.dropdown}
            aria-labelledby={severityId}
            value={severityLabel}
            selectedOptions={[view.severity]}
            onOptionSelect={(_, d) => view.setSeverity((d.optionValue as Severity | 'all') ?? 'all')}
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
            {...dropdownSlots}
            className={styles.dropdown}
            aria-labelledby={tableId}
            value={tableLabel}
            selectedOptions={[view.table]}
            onOptionSelect={(_, d) => view.setTable(d.optionValue ?? 'all')}
          >
            <Option value="all">{strings.all}</Option>
            {view.tables.map((t) => (
              <Option key={t.key} value={t.key}>
                {t.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {view.shown === 0 ? <Caption1>{strings.noFindings}</Caption1> : null}
      <Accordion multiple collapsible openItems={view.open} onToggle={(_, d) => view.toggle(String(d.value), d.openItems.includes(d.value))}>
        {view.groups.map(([check, list]) => (
          <AccordionItem key={check} value={check}>
            <AccordionHeader size="small" className={styles.header}>
              {`${checkInfo(check).title}（${list.length}）`}
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {list.map((f, i) => (
                  <li key={i}>
                    <FindingItem finding={f} onSelect={onSelect && (canSelect ? canSelect(f) : true) ? onSelect : undefined} />
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
