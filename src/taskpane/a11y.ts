/**
 * Chinese accessible names for the parts Fluent UI labels in English by default: the Dropdown's
 * clear button (「Clear selection」) and the Combobox's expand button (「Open」).
 */
import { strings } from './strings';

/** Spread onto every Dropdown. */
export const dropdownSlots = { clearButton: { 'aria-label': strings.clearSelection } } as const;

/** Spread onto every Combobox. */
export const comboboxSlots = { expandIcon: { 'aria-label': strings.openList }, clearIcon: { 'aria-label': strings.clearSelection } } as const;
