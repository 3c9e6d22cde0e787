import Breadcrumbs from '@material-ui/core/Breadcrumbs';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import Link from '@material-ui/core/Link';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { memo } from 'react';
import { MAX_HOPS, MIN_HOPS } from '../../hooks/useErdViewState';

export interface ErdFocusBarProps {
  /** The focused table's short name. */
  focusName: string;
  hops: number;
  onChange(patch: { hops?: number; focus?: undefined }): void;
}

/**
 * The focus breadcrumb ("Show whole diagram" › table) and the neighbours
 * control. Apart from the toolbar, so that a focus renders only this.
 */
const ErdFocusBarView = ({ focusName, hops, onChange }: ErdFocusBarProps) => {
  const theme = useTheme();
  // An inline style, not Box or a class: the bar mounts on every focus, and
  // a Box (or this component's own sheet) would insert a style sheet each
  // time, which restyles the whole page in the click.
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        marginBottom: theme.spacing(1),
      }}
    >
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
      <FormControl variant="outlined" size="small" style={{ minWidth: 150 }}>
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
    </div>
  );
};

export const ErdFocusBar = memo(ErdFocusBarView);
