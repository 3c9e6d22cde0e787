import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Collapse from '@material-ui/core/Collapse';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import FilterListIcon from '@material-ui/icons/FilterList';
import {
  KeyboardEvent,
  memo,
  ReactNode,
  useCallback,
  useRef,
  useState,
} from 'react';
import { ErdQuery } from '../../api';
import { ShowMode } from '../../graph/types';
import { ErdViewKind } from '../../hooks/useErdViewState';
import { ErdFilters } from './ErdFilters';

const SHOW_MODE_LABELS: Record<ShowMode, string> = {
  all: 'All columns',
  keys: 'Key columns',
  names: 'Table names only',
};

export interface ErdToolbarProps {
  view: ErdViewKind;
  showMode: ShowMode;
  /** The overview of a large project forces names only. */
  showModeLocked: boolean;
  query: ErdQuery;
  search: ReactNode;
  exportMenu: ReactNode;
  /** "Compare with…" (see ErdCompare). */
  compare?: ReactNode;
  onChange(patch: {
    view?: ErdViewKind;
    showMode?: ShowMode;
    query?: ErdQuery;
  }): void;
}

/**
 * Search, show mode, view toggle, exports and filters. Memoised: a focus
 * click, a layout arriving or a drawer opening leaves its props as they
 * were, and its Material UI controls are costly to render again.
 */
const ErdToolbarView = (props: ErdToolbarProps) => {
  const {
    view,
    showMode,
    showModeLocked,
    query,
    search,
    exportMenu,
    compare,
    onChange,
  } = props;
  const activeFilters =
    (query.select?.length ?? 0) +
    (query.exclude?.length ?? 0) +
    (query.resourceTypes?.length ?? 0) +
    (query.algo ? 1 : 0);
  const [filtersOpen, setFiltersOpen] = useState(activeFilters > 0);
  const filtersButton = useRef<HTMLButtonElement>(null);
  const applyFilters = useCallback(
    (q: ErdQuery) => onChange({ query: q }),
    [onChange],
  );
  // Escape inside the panel closes it (an open select menu takes its own Escape first).
  const onFiltersKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !filtersOpen) return;
    event.stopPropagation();
    setFiltersOpen(false);
    filtersButton.current?.focus();
  };

  return (
    <Box mb={1}>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 12 }}
      >
        {search}
        <FormControl variant="outlined" size="small" style={{ minWidth: 170 }}>
          <InputLabel id="erd-show-label">Show</InputLabel>
          <Select
            labelId="erd-show-label"
            label="Show"
            value={showModeLocked ? 'names' : showMode}
            disabled={showModeLocked || view === 'table'}
            onChange={e => onChange({ showMode: e.target.value as ShowMode })}
          >
            {(Object.keys(SHOW_MODE_LABELS) as ShowMode[]).map(mode => (
              <MenuItem key={mode} value={mode}>
                {SHOW_MODE_LABELS[mode]}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <ButtonGroup size="small" aria-label="View">
          <Button
            aria-pressed={view === 'diagram'}
            variant={view === 'diagram' ? 'contained' : 'outlined'}
            color={view === 'diagram' ? 'primary' : 'default'}
            onClick={() => onChange({ view: 'diagram' })}
          >
            Diagram
          </Button>
          <Button
            aria-pressed={view === 'table'}
            variant={view === 'table' ? 'contained' : 'outlined'}
            color={view === 'table' ? 'primary' : 'default'}
            onClick={() => onChange({ view: 'table' })}
          >
            Table view
          </Button>
        </ButtonGroup>
        <Button
          size="small"
          variant="outlined"
          startIcon={<FilterListIcon />}
          aria-expanded={filtersOpen}
          ref={filtersButton}
          onClick={() => setFiltersOpen(o => !o)}
        >
          Filters{activeFilters ? ` (${activeFilters})` : ''}
        </Button>
        {exportMenu}
        {compare}
      </Box>
      <Collapse in={filtersOpen}>
        <Box onKeyDown={onFiltersKeyDown}>
          <ErdFilters query={query} onApply={applyFilters} />
        </Box>
      </Collapse>
    </Box>
  );
};

export const ErdToolbar = memo(ErdToolbarView);
