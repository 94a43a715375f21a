import { Caption1, Combobox, Dropdown, Field, Input, Option, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { CATEGORIES, ROSTER, rosterKey, type RosterEntry } from '../../domain/roster';
import { comboboxSlots, dropdownSlots } from '../a11y';
import { strings } from '../strings';

export interface PlatformChoice {
  name: string | null;
  category: string;
  unit: string | null;
  district: string | null;
}

export interface PlatformFormProps {
  platform: PlatformChoice;
  onPlatform(platform: PlatformChoice): void;
  year: number;
  onYear(year: number): void;
  manufacturing: boolean;
  onManufacturing(value: boolean): void;
  disabled?: boolean;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  grow: { flexGrow: 1, flexBasis: '140px', minWidth: 0 },
  year: { flexBasis: '96px', flexGrow: 0, minWidth: 0 },
  combobox: { minWidth: 0, width: '100%' },
  control: { minWidth: 0, width: '100%' },
  inner: { minWidth: 0, width: '100%' },
  listbox: { maxHeight: '260px' },
  info: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** Most roster entries listed at once while searching. */
const MAX_OPTIONS = 60;

function matches(query: string): RosterEntry[] {
  const key = rosterKey(query);
  if (!key) return ROSTER.slice(0, MAX_OPTIONS);
  return ROSTER.filter((r) => rosterKey(r.platform).includes(key) || rosterKey(r.unit).includes(key)).slice(0, MAX_OPTIONS);
}

/** The platform under review: searchable roster picker, service category, year and the manufacturing switch. */
export function PlatformForm({ platform, onPlatform, year, onYear, manufacturing, onManufacturing, disabled }: PlatformFormProps) {
  const styles = useStyles();
  const [query, setQuery] = useState(platform.name ?? '');
  const [lastName, setLastName] = useState(platform.name);
  // A platform set from outside (载入示例) shows in the search box.
  if (platform.name !== lastName) {
    setLastName(platform.name);
    setQuery(platform.name ?? '');
  }
  const options = useMemo(() => matches(query), [query]);
  const categoryId = useId();
  const rosterEntry = platform.name ? ROSTER.find((r) => r.platform === platform.name) : undefined;

  return (
    <div className={styles.root}>
      <Field label={strings.platformLabel}>
        <Combobox
          {...comboboxSlots}
          className={styles.combobox}
          input={{ className: styles.inner, size: 1 }}
          listbox={{ className: styles.listbox }}
          freeform
          disabled={disabled}
          placeholder={strings.platformPlaceholder}
          value={query}
          selectedOptions={rosterEntry ? [String(rosterEntry.no)] : []}
          onChange={(e) => {
            const text = e.target.value;
            setQuery(text);
            if (!text.trim()) onPlatform({ ...platform, name: null, unit: null, district: null });
          }}
          onBlur={() => {
            const text = query.trim();
            if (text && text !== platform.name && !ROSTER.some((r) => r.platform === text)) {
              onPlatform({ name: text, category: platform.category, unit: null, district: null });
            }
          }}
          onOptionSelect={(_, data) => {
            const entry = ROSTER.find((r) => String(r.no) === data.optionValue);
            if (!entry) return;
            setQuery(entry.platform);
            onPlatform({ name: entry.platform, category: entry.category, unit: entry.unit, district: entry.district });
          }}
        >
          {options.length === 0 ? (
            <Option key="none" value="" text="" disabled>
              {strings.platformNoMatch}
            </Option>
          ) : (
            options.map((r) => (
              <Option key={r.no} value={String(r.no)} text={r.platform}>
                {`${r.platform}（${r.category}）`}
              </Option>
            ))
          )}
        </Combobox>
      </Field>
      {rosterEntry ? <Caption1 className={styles.info}>{strings.rosterInfo(rosterEntry.unit, rosterEntry.district)}</Caption1> : null}
      <div className={styles.row}>
        <Field className={styles.grow} label={{ children: strings.categoryLabel, id: categoryId }} required>
          <Dropdown
            {...dropdownSlots}
            className={styles.control}
            aria-labelledby={categoryId}
            disabled={disabled}
            placeholder={strings.categoryPlaceholder}
            value={platform.category}
            selectedOptions={platform.category ? [platform.category] : []}
            onOptionSelect={(_, data) => onPlatform({ ...platform, category: data.optionValue ?? '' })}
          >
            {CATEGORIES.map((c) => (
              <Option key={c} value={c}>
                {c}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field className={styles.year} label={strings.yearLabel}>
          <Input
            className={styles.control}
            input={{ className: styles.inner, size: 1 }}
            type="number"
            disabled={disabled}
            min={2000}
            max={2100}
            value={String(year)}
            onChange={(_, data) => {
              const n = Number(data.value);
              if (Number.isInteger(n) && n >= 2000 && n <= 2100) onYear(n);
            }}
          />
        </Field>
      </div>
      <Switch
        disabled={disabled}
        checked={manufacturing}
        label={strings.manufacturingLabel}
        onChange={(_, data) => onManufacturing(data.checked)}
      />
    </div>
  );
}
