import { Body1, Caption1, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { INDUSTRIES, type Figure, type IndustryName } from '../../domain/sizeClass';
import { dropdownSlots } from '../a11y';
import { ASSET_INDUSTRIES, FIGURES, useSizeClass } from '../hooks/useSizeClass';
import { strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  figure: { flexBasis: '120px', flexGrow: 1, minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  inner: { width: '100%', minWidth: 0 },
  dropdown: { width: '100%', minWidth: 0 },
  line: { margin: 0, overflowWrap: 'anywhere' },
  muted: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
});

const LABELS: Record<Figure, string> = { employees: strings.employeesLabel, revenue: strings.revenueLabel, assets: strings.assetsLabel };

/** 划型测算: an enterprise's size class from its industry and figures; the result and its reason on separate lines. */
export function SizeClassPanel() {
  const styles = useStyles();
  const industryId = useId();
  const size = useSizeClass();
  const { answer, used } = size;
  return (
    <div className={styles.root}>
      <Field label={{ children: strings.industryLabel, id: industryId }} hint={size.usedText ?? undefined}>
        <Dropdown
          {...dropdownSlots}
          className={styles.dropdown}
          aria-labelledby={industryId}
          placeholder={strings.industryPlaceholder}
          value={size.industry}
          selectedOptions={size.industry ? [size.industry] : []}
          onOptionSelect={(_, d) => size.setIndustry((d.optionValue ?? '') as IndustryName | '')}
        >
          {INDUSTRIES.map((i) => (
            <Option key={i} value={i}>
              {i}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        {FIGURES.map((f) => {
          const error = size.errors[f];
          const unused = used !== null && !used.includes(f);
          return (
            <Field
              key={f}
              className={styles.figure}
              label={LABELS[f]}
              validationState={error ? 'error' : 'none'}
              validationMessage={error ?? (unused ? strings.figureUnused : undefined)}
            >
              <Input className={styles.input} input={{ className: styles.inner, size: 1 }} inputMode="decimal" value={size.texts[f]} onChange={(_, d) => size.setText(f, d.value)} />
            </Field>
          );
        })}
      </div>
      <Caption1 className={styles.muted} block data-testid="assets-note">
        {strings.assetsNote(ASSET_INDUSTRIES.join('、'))}
      </Caption1>
      {answer?.ok ? (
        <div role="status" aria-live="polite" data-testid="size-answer">
          <Body1 as="p" className={styles.line}>
            <strong>{strings.sizeAnswer(answer.size)}</strong>
          </Body1>
          <Caption1 as="p" className={`${styles.line} ${styles.muted}`} block>
            {strings.sizeReason(answer.industry, answer.reason.replace(`${answer.industry}：`, ''))}
          </Caption1>
        </div>
      ) : answer ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.muted}>{answer.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
