import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Popover from '@material-ui/core/Popover';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import CompareArrowsIcon from '@material-ui/icons/CompareArrows';
import { FormEvent, useRef, useState } from 'react';
import { ErdDiffBase } from '../../api';
import { compareOptions, describeBase, typedBase } from './compareBase';

export interface ErdCompareControlProps {
  base?: ErdDiffBase;
  changesOnly: boolean;
  loading: boolean;
  onChange(patch: { compare?: ErdDiffBase; changesOnly?: boolean }): void;
}

/** One "Compare" form row: a typed id and its button. */
const IdForm = (props: {
  kind: 'run' | 'job';
  label: string;
  onPick(base: ErdDiffBase): void;
}) => {
  const [text, setText] = useState('');
  const base = typedBase(props.kind, text);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (base) props.onPick(base);
  };
  return (
    <form onSubmit={submit} style={{ display: 'flex', gap: 8, marginTop: 12 }}>
      <TextField
        id={`erd-compare-${props.kind}`}
        size="small"
        variant="outlined"
        label={props.label}
        value={text}
        onChange={e => setText(e.target.value)}
        error={text.trim() !== '' && !base}
        helperText={
          text.trim() !== '' && !base
            ? 'a dbt Cloud id: digits only'
            : undefined
        }
        inputProps={{ inputMode: 'numeric' }}
      />
      <Button type="submit" variant="outlined" disabled={!base}>
        Compare
      </Button>
    </form>
  );
};

/**
 * "Compare with…": the previous run, the latest CI run (with the CI job
 * annotation), a run id or a job's latest run; while comparing, which base,
 * "changes only" and a way back. The choice lives in the URL.
 */
export const ErdCompareControl = ({
  base,
  changesOnly,
  loading,
  onChange,
}: ErdCompareControlProps) => {
  const { entity } = useEntity();
  const options = compareOptions(entity.metadata.annotations);
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const pick = (next: ErdDiffBase) => {
    setOpen(false);
    onChange({ compare: next });
  };

  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <Button
        ref={anchor}
        size="small"
        variant={base ? 'contained' : 'outlined'}
        color={base ? 'primary' : 'default'}
        startIcon={
          loading ? <CircularProgress size={14} /> : <CompareArrowsIcon />
        }
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        {base ? `Comparing with ${describeBase(base)}` : 'Compare with…'}
      </Button>
      {base && (
        <>
          <FormControlLabel
            control={
              <Switch
                size="small"
                checked={changesOnly}
                onChange={e => onChange({ changesOnly: e.target.checked })}
              />
            }
            label="Changes only"
          />
          <Button
            size="small"
            onClick={() => onChange({ compare: undefined, changesOnly: false })}
          >
            Stop comparing
          </Button>
        </>
      )}
      <Popover
        open={open}
        anchorEl={anchor.current}
        onClose={() => setOpen(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        PaperProps={{ role: 'dialog', 'aria-label': 'Compare with' } as object}
      >
        <Box p={2} maxWidth={380}>
          {options.dbtCloud ? (
            <>
              <Typography variant="subtitle2" gutterBottom>
                Compare this ERD with another dbt Cloud run
              </Typography>
              <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
                <Button
                  variant="outlined"
                  disabled={!options.previous}
                  onClick={() => pick('previous')}
                >
                  Previous run
                </Button>
                {!options.previous && (
                  <Typography variant="caption" color="textSecondary">
                    "Previous run" needs the getdbt.com/cloud-job-id annotation.
                  </Typography>
                )}
                {options.ciJobId && (
                  <Button variant="outlined" onClick={() => pick('ci')}>
                    {`Latest CI run (job ${options.ciJobId})`}
                  </Button>
                )}
              </Box>
              <IdForm kind="run" label="Run id" onPick={pick} />
              <IdForm
                kind="job"
                label="Job id (its latest run)"
                onPick={pick}
              />
            </>
          ) : (
            <Typography variant="body2" role="status">
              Comparing runs needs an entity drawn from dbt Cloud (annotated
              with getdbt.com/cloud-job-id or getdbt.com/cloud-run-id). This one
              is drawn from an artifacts folder: compare two folders with the{' '}
              <code>dbt-erd diff</code> command instead.
            </Typography>
          )}
        </Box>
      </Popover>
    </Box>
  );
};
