import Breadcrumbs from '@material-ui/core/Breadcrumbs';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import IconButton from '@material-ui/core/IconButton';
import InputLabel from '@material-ui/core/InputLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import MuiLink from '@material-ui/core/Link';
import Paper from '@material-ui/core/Paper';
import Select from '@material-ui/core/Select';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import CloseIcon from '@material-ui/icons/Close';
import { useJoinPathStyles } from '../JoinPath';

/**
 * One hidden instance of each Material UI component that a focus mounts
 * (the drawer's content, the focus bar, the layout's progress bar), kept
 * mounted once someone starts using the diagram (ErdView mounts it when the
 * pointer or focus enters the canvas: not while the first view is drawn,
 * where it was the last change of the page before it settled). Material UI
 * attaches a component's style sheet when its first instance mounts and
 * removes it with its last: without this, on every focus the sheets are
 * built and inserted again, and each insertion restyles the whole page in
 * the click. (Box cannot be kept: each Box has a sheet of its own, so the
 * focus UI uses none.) The same holds for the plugin's own sheets that
 * only the drawer's content mounts.
 */
export const FocusStyleKeeper = () => {
  useJoinPathStyles();
  return (
    <div style={{ display: 'none' }} aria-hidden data-testid="erd-focus-styles">
      <Paper square elevation={0} />
      <Typography variant="h6">-</Typography>
      <Typography variant="caption">-</Typography>
      <IconButton size="small" tabIndex={-1}>
        <CloseIcon />
      </IconButton>
      <Button size="small" variant="outlined" tabIndex={-1} />
      <Breadcrumbs>
        <MuiLink component="button" variant="body2" tabIndex={-1} />
        <Typography variant="body2">-</Typography>
      </Breadcrumbs>
      <FormControl variant="outlined" size="small">
        <InputLabel>-</InputLabel>
        <Select value="" label="-" tabIndex={-1} />
      </FormControl>
      <LinearProgress />
      <TextField size="small" inputProps={{ tabIndex: -1 }} label="-" />
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell />
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
};
