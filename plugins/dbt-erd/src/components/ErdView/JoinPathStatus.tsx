import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ErdModel } from '../../graph/erdModel';
import { shortName } from '../../graph/shortName';
import { DiagramJoinPath } from '../JoinPath';

/** Says what the diagram shows for a join path, with the way back. */
export const JoinPathStatus = ({
  model,
  path,
  onLeave,
}: {
  model: ErdModel;
  path: DiagramJoinPath;
  onLeave(): void;
}) => {
  const name = (id: string) => {
    const node = model.nodeById.get(id);
    return node ? shortName(node) : id;
  };
  const text = path.found
    ? `Join path from ${name(path.fromId)} to ${name(path.toId)}: ${
        path.tableIds.size
      } tables, ${path.edgeIds.size} relationships, highlighted.`
    : `No chain of relationships joins ${name(path.fromId)} and ${name(
        path.toId,
      )}: showing both tables with the tables each is connected to.`;
  return (
    <Typography
      variant="body2"
      role="status"
      data-testid="erd-join-path-status"
    >
      {text}{' '}
      <Button size="small" onClick={onLeave}>
        Leave join path
      </Button>
    </Typography>
  );
};
