import { Body1, Caption1, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { INDUSTRIES, classify, type Figures } from '../../domain/sizeClass';
import { dropdownSlots } from '../a11y';
import { strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  figure: { flexBasis: '120px', flexGrow: 1, minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  inner: { width: '100%', minWidth: 0 },
  dropdown: { width: '100%', minWidth: 0 },
  reason: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
});

function parse(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** 划型测算: an enterprise's size class from its industry and figures, with the reason. */
export function SizeClassPanel() {
  const styles = useStyles();
  const industryId = useId();
  const [industry, setIndustry] = useState('');
  const [figures, setFigures] = useState({ employees: '', revenue: '', assets: '' });
  const given: Figures = { employees: parse(figures.employees), revenue: parse(figures.revenue), assets: parse(figures.assets) };
  const answer = industry && (given.employees !== undefined || given.revenue !== undefined || given.assets !== undefined) ? classify(industry, given) : null;
  const input = (key: keyof typeof figures, label: string) => (
    <Field className={styles.figure} label={label}>
      <Input className={styles.input} input={{ className: styles.inner, size: 1 }} inputMode="decimal" value={figures[key]} onChange={(_, d) => setFigures({ ...figures, [key]: d.value })} />
    </Field>
  );
  return (
    <div className={styles.root}>
      <Field label={{ children: strings.industryLabel, id: industryId }}>
        <Dropdown
          {...dropdownSlots}
          className={styles.dropdown}
          aria-labelledby={industryId}
          placeholder={strings.industryPlaceholder}
          value={industry}
          selectedOptions={industry ? [industry] : []}
          onOptionSelect={(_, d) => setIndustry(d.optionValue ?? '')}
        >
          {INDUSTRIES.map((i) => (
            <Option key={i} value={i}>
              {i}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        {input('employees', strings.employeesLabel)}
        {input('revenue', strings.revenueLabel)}
        {input('assets', strings.assetsLabel)}
      </div>
      {answer?.ok ? (
        <div role="status" aria-live="polite">
          <Body1 as="p" style={{ margin: 0 }}>
            <strong>{strings.sizeAnswer(answer.size)}</strong>
          </Body1>
          <Caption1 className={styles.reason}>{answer.reason}</Caption1>
        </div>
      ) : answer ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.reason}>{answer.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
