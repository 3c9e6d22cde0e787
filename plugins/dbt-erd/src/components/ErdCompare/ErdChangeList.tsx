import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import { ErdNode } from 'backstage-plugin-dbt-erd-common';
import { useMemo } from 'react';
import { EntityErdDiff } from '../../api';
import { changeItems } from './changeItems';
import { DiffStatus } from './diffMarks';
import { DIFF_COLORS, DIFF_LABELS } from './diffStyles';

export interface ErdChangeListProps {
  diff: EntityErdDiff;
  nodes: ReadonlyMap<string, ErdNode>;
  onFocus(tableId: string): void;
  onDownload(format: 'md' | 'json'): Promise<void>;
}

const Swatch = ({ status }: { status: DiffStatus }) => (
  <span
    aria-hidden
    style={{
      display: 'inline-block',
      width: 10,
      height: 10,
      borderRadius: 2,
      marginRight: 6,
      background: DIFF_COLORS[status],
      border:
        status === 'removed' ? `1px dashed ${DIFF_COLORS.removed}` : undefined,
    }}
  />
);

const count = ({
  added,
  removed,
  changed,
}: {
  added: number;
  removed: number;
  changed: number;
}) => `+${added} −${removed} ~${changed}`;

/**
 * Beside the diagram while comparing: what changed, in the order a
 * reviewer reads it (removed, changed, added); an entry focuses its table.
 * Also the legend of the colours and the downloads of erd-diff.md / .json.
 */
export const ErdChangeList = ({
  diff,
  nodes,
  onFocus,
  onDownload,
}: ErdChangeListProps) => {
  const theme = useTheme();
  const alertApi = useApi(alertApiRef);
  const items = useMemo(() => changeItems(diff, nodes), [diff, nodes]);
  const download = (format: 'md' | 'json') =>
    onDownload(format).catch(e =>
      alertApi.post({
        message: `Download failed: ${(e as Error).message}`,
        severity: 'error',
      }),
    );
  const { tables, columns, relationships } = diff.summary;

  return (
    <Box
      component="aside"
      aria-label="Changes"
      width={320}
      flexShrink={0}
      display="flex"
      flexDirection="column"
      style={{
        border: `1px solid ${theme.palette.divider}`,
        borderRadius: 4,
        overflow: 'hidden',
      }}
    >
      <Box p={1.5} borderBottom={`1px solid ${theme.palette.divider}`}>
        <Typography variant="subtitle2" data-testid="erd-diff-summary">
          {`Compared with ${diff.base.source ?? 'the base run'}: tables ${count(
            tables,
          )}, columns ${count(columns)}, relationships ${count(relationships)}`}
        </Typography>
        <Box display="flex" flexWrap="wrap" mt={0.5} style={{ gap: 10 }}>
          {(['added', 'removed', 'changed'] as DiffStatus[]).map(status => (
            <Typography key={status} variant="caption">
              <Swatch status={status} />
              {DIFF_LABELS[status]}
            </Typography>
          ))}
          <Typography variant="caption" color="textSecondary">
            grey: unchanged
          </Typography>
        </Box>
        <Box
          display="flex"
          alignItems="center"
          mt={1}
          style={{ gap: 8 }}
          role="group"
          aria-label="Download diff"
        >
          <Typography variant="caption">Download diff as</Typography>
          <Button
            size="small"
            variant="outlined"
            startIcon={<GetAppIcon />}
            onClick={() => download('md')}
          >
            Markdown
          </Button>
          <Button
            size="small"
            variant="outlined"
            startIcon={<GetAppIcon />}
            onClick={() => download('json')}
          >
            JSON
          </Button>
        </Box>
      </Box>
      {items.length === 0 ? (
        <Box p={1.5}>
          <Typography variant="body2" role="status">
            No change to tables, columns or relationships.
          </Typography>
        </Box>
      ) : (
        <List
          dense
          style={{ overflowY: 'auto', flex: 1 }}
          aria-label="Change list"
        >
          {items.map((item, index) => (
            <ListItem
              key={`${item.status}:${item.kind}:${item.text}:${index}`}
              button
              data-testid="erd-change"
              data-status={item.status}
              onClick={() => onFocus(item.tableId)}
              style={{ borderLeft: `4px solid ${DIFF_COLORS[item.status]}` }}
            >
              <ListItemText
                primary={`${DIFF_LABELS[item.status]} ${item.kind}: ${
                  item.text
                }`}
                secondary={item.detail || undefined}
              />
            </ListItem>
          ))}
        </List>
      )}
      {diff.warnings.length > 0 && (
        <Box p={1.5} borderTop={`1px solid ${theme.palette.divider}`}>
          {diff.warnings.map(w => (
            <Typography
              key={w}
              variant="caption"
              color="textSecondary"
              component="p"
            >
              {w}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
};
