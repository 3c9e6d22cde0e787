import Box from '@material-ui/core/Box';
import Breadcrumbs from '@material-ui/core/Breadcrumbs';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Collapse from '@material-ui/core/Collapse';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import Link from '@material-ui/core/Link';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import FilterListIcon from '@material-ui/icons/FilterList';
import { KeyboardEvent, ReactNode, useRef, useState } from 'react';
import { ErdQuery } from '../../api';
import { ShowMode } from '../../graph/types';
import { ErdViewKind, MAX_HOPS, MIN_HOPS } from '../../hooks/useErdViewState';
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
  focusName?: string;
  hops: number;
  query: ErdQuery;
  search: ReactNode;
  exportMenu: ReactNode;
  /** "Compare with…" (see ErdCompare). */
  compare?: ReactNode;
  onChange(patch: {
    view?: ErdViewKind;
    showMode?: ShowMode;
    hops?: number;
    focus?: undefined;
    query?: ErdQuery;
  }): void;
}

/** Search, show mode, view toggle, exports, filters, and the focus breadcrumb. */
export const ErdToolbar = (props: ErdToolbarProps) => {
  const {
    view,
    showMode,
    showModeLocked,
    focusName,
    hops,
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
          <ErdFilters query={query} onApply={q => onChange({ query: q })} />
        </Box>
      </Collapse>
      {focusName && view === 'diagram' && (
        <Box display="flex" alignItems="center" mt={1} style={{ gap: 16 }}>
          <Breadcrumbs aria-label="Focus">
            <Link
              component="button"
              variant="body2"
              onClick={() => onChange({ focus: undefined })}
            >
              Show whole diagram
            </Link>
            <Typography variant="body2" color="textPrimary" aria-current="page">
              {focusName}
            </Typography>
          </Breadcrumbs>
          <FormControl
            variant="outlined"
            size="small"
            style={{ minWidth: 150 }}
          >
            <InputLabel id="erd-hops-label">Neighbours</InputLabel>
            <Select
              labelId="erd-hops-label"
              label="Neighbours"
              value={hops}
              onChange={e => onChange({ hops: Number(e.target.value) })}
            >
              {Array.from(
                { length: MAX_HOPS - MIN_HOPS + 1 },
                (_, i) => MIN_HOPS + i,
              ).map(n => (
                <MenuItem key={n} value={n}>
                  {n} {n === 1 ? 'hop' : 'hops'}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </Box>
      )}
    </Box>
  );
};
