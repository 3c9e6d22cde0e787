import Button from '@material-ui/core/Button';
import MuiLink from '@material-ui/core/Link';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { findJoinPath, JoinPath } from 'backstage-plugin-dbt-erd-common';
import { useContext, useEffect, useMemo, useState } from 'react';
import useCopyToClipboard from 'react-use/esm/useCopyToClipboard';
import { ErdModel } from '../../graph/erdModel';
import { diagramJoinPath, ShowJoinPathContext } from './joinPathInDiagram';

const MAX_CANDIDATES = 8;

/** Exported for FocusStyleKeeper, which keeps this sheet while the diagram is in use. */
export const useJoinPathStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(3) },
  sql: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    background: theme.palette.background.default,
    padding: theme.spacing(1),
    margin: theme.spacing(1, 0),
  },
}));

export interface JoinPathSectionProps {
  model: ErdModel;
  fromId: string;
  onFocusTable(tableId: string): void;
}

function TableLinks(props: {
  model: ErdModel;
  ids: string[];
  separator: string;
  onFocusTable(tableId: string): void;
}) {
  return (
    <>
      {props.ids.map((id, i) => (
        <span key={id}>
          {i > 0 && props.separator}
          <MuiLink
            component="button"
            variant="body2"
            onClick={() => props.onFocusTable(id)}
          >
            {props.model.nodeById.get(id)?.name ?? id}
          </MuiLink>
        </span>
      ))}
    </>
  );
}

/**
 * "Join path to…": pick another table (by name search) and get the shortest
 * chain of relationships to it with the dbt SQL that joins it, ready to copy.
 */
export const JoinPathSection = ({
  model,
  fromId,
  onFocusTable,
}: JoinPathSectionProps) => {
  const classes = useJoinPathStyles();
  const [term, setTerm] = useState('');
  const [toId, setToId] = useState<string>();
  const [copied, copy] = useCopyToClipboard();
  const candidates = useMemo(() => {
    const wanted = term.trim().toLocaleLowerCase();
    if (!wanted) return [];
    return model.erd.nodes
      .filter(n => n.id !== fromId)
      .filter(n => n.name.toLocaleLowerCase().includes(wanted))
      .slice(0, MAX_CANDIDATES);
  }, [model, fromId, term]);
  const result: JoinPath | undefined = useMemo(
    () => (toId ? findJoinPath(model.erd, fromId, toId) : undefined),
    [model, fromId, toId],
  );
  // The diagram shows the path (or, without one, both tables' components).
  const showInDiagram = useContext(ShowJoinPathContext);
  useEffect(() => {
    if (result && toId) showInDiagram?.(diagramJoinPath(fromId, toId, result));
  }, [showInDiagram, result, fromId, toId]);

  return (
    <div className={classes.section} data-testid="erd-join-path">
      <Typography variant="subtitle1" component="h3">
        Join path to…
      </Typography>
      <TextField
        size="small"
        fullWidth
        label="Search a table"
        value={term}
        onChange={event => {
          setTerm(event.target.value);
          setToId(undefined);
        }}
        inputProps={{ 'aria-label': 'Join path to table' }}
      />
      {!toId && candidates.length > 0 && (
        <ul aria-label="Tables to join to">
          {candidates.map(candidate => (
            <li key={candidate.id}>
              <MuiLink
                component="button"
                variant="body2"
                onClick={() => setToId(candidate.id)}
              >
                {candidate.name}
              </MuiLink>
            </li>
          ))}
        </ul>
      )}
      {result?.found && (
        <>
          <Typography variant="body2" component="div">
            <TableLinks
              model={model}
              ids={result.path}
              separator=" → "
              onFocusTable={onFocusTable}
            />
          </Typography>
          <pre className={classes.sql} aria-label="Join SQL">
            {result.sql}
          </pre>
          <Button
            size="small"
            variant="outlined"
            onClick={() => copy(result.sql)}
          >
            {copied.value === result.sql ? 'Copied' : 'Copy SQL'}
          </Button>
        </>
      )}
      {result && !result.found && (
        <Typography variant="body2" component="div">
          No chain of relationships joins these tables. This table is connected
          to{' '}
          <TableLinks
            model={model}
            ids={result.fromComponent}
            separator=", "
            onFocusTable={onFocusTable}
          />
          ; the other to{' '}
          <TableLinks
            model={model}
            ids={result.toComponent}
            separator=", "
            onFocusTable={onFocusTable}
          />
          .
        </Typography>
      )}
    </div>
  );
};
