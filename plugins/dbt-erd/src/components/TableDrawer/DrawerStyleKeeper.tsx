import IconButton from '@material-ui/core/IconButton';
import MuiLink from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';

/**
 * One hidden instance of each Material UI component the drawer's content
 * uses, mounted while the browser is idle after the diagram is drawn and
 * kept. Material UI attaches a component's style sheet when its first
 * instance mounts and removes it with its last: without this, every time
 * the drawer opens (on each focus) the sheets are built and inserted
 * again, and each insertion restyles the whole page.
 */
export const DrawerStyleKeeper = () => {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const mount = () => setMounted(true);
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(mount, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(mount, 1000);
    return () => clearTimeout(id);
  }, []);
  if (!mounted) return null;
  return (
    <div
      style={{ display: 'none' }}
      aria-hidden
      data-testid="erd-drawer-styles"
    >
      <Typography variant="h6">-</Typography>
      <Typography variant="caption">-</Typography>
      <IconButton size="small" tabIndex={-1} />
      <MuiLink component="button" variant="body2" tabIndex={-1} />
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
