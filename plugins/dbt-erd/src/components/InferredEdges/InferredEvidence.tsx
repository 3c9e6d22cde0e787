import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Erd, ErdEdge } from 'backstage-plugin-dbt-erd-common';
import { useMemo, useState } from 'react';
import {
  isInferredEdge,
  relationshipTestYaml,
  tableInferredYaml,
} from '../../graph/inferredEdges';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copies on click and says whether it worked. */
const CopyButton = ({ label, text }: { label: string; text: string }) => {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <Button
      size="small"
      variant="outlined"
      onClick={async () => setState((await copy(text)) ? 'copied' : 'failed')}
    >
      {
        {
          idle: label,
          copied: 'Copied',
          failed: 'Copy failed: select the YAML by hand',
        }[state]
      }
    </Button>
  );
};

const EdgeEvidence = ({
  edge,
  name,
}: {
  edge: ErdEdge;
  name: (id: string) => string;
}) => (
  <li>
    <Typography variant="body2">
      <code>{edge.from_columns.join(', ')}</code> → {name(edge.to_id)}.
      <code>{edge.to_columns.join(', ')}</code>{' '}
      <Typography variant="caption" color="textSecondary" component="span">
        ({edge.confidence} confidence)
      </Typography>
    </Typography>
    <ul aria-label="Evidence">
      {(edge.evidence ?? []).map(line => (
        <li key={line}>
          <Typography variant="caption">{line}</Typography>
        </li>
      ))}
    </ul>
    <CopyButton label="Copy as dbt test" text={relationshipTestYaml(edge)} />
  </li>
);

/**
 * The drawer's section on a table's inferred relationships: why each was
 * inferred, and the `relationships` test YAML that would declare it.
 */
export const InferredEvidence = ({
  erd,
  tableId,
}: {
  erd: Erd;
  tableId: string;
}) => {
  const theme = useTheme();
  // Once per table: the drawer renders again on every change of the tab,
  // and both scan all of the project's relationships.
  const edges = useMemo(
    () => erd.edges.filter(e => isInferredEdge(e) && e.from_id === tableId),
    [erd, tableId],
  );
  const all = useMemo(
    () => (edges.length ? tableInferredYaml(tableId, erd) : null),
    [edges, erd, tableId],
  );
  if (edges.length === 0 || !all) return null;
  const name = (id: string) => erd.nodes.find(n => n.id === id)?.name ?? id;
  return (
    // An inline style, not Box: a Box inserts a style sheet of its own.
    <div
      style={{ marginTop: theme.spacing(3) }}
      aria-label="Inferred relationships"
    >
      <Typography variant="subtitle1" component="h3">
        Inferred from SQL ({edges.length})
      </Typography>
      <Typography variant="caption" color="textSecondary">
        Guesses, not declarations: check them, then add the test to the
        model&apos;s schema.yml.
      </Typography>
      <ul>
        {edges.map(edge => (
          <EdgeEvidence key={edge.id} edge={edge} name={name} />
        ))}
      </ul>
      <CopyButton label="Copy all inferred as YAML" text={all} />
    </div>
  );
};
