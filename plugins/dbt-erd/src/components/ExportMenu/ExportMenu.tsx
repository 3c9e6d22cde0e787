import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import ListSubheader from '@material-ui/core/ListSubheader';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { ERD_EXPORT_FORMATS, ErdExportFormat } from '../../api';

export interface ExportMenuProps {
  /** Saves the current view as an image; absent when no diagram is shown. */
  onExportImage?(format: 'svg' | 'png'): Promise<void>;
  /** Downloads the backend's rendering of the ERD in a dbterd format. */
  onExportFile(format: ErdExportFormat): Promise<void>;
}

/** Export menu: images of the current view, and the backend's text formats. */
export const ExportMenu = ({
  onExportImage,
  onExportFile,
}: ExportMenuProps) => {
  const alertApi = useApi(alertApiRef);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const run = (label: string, action: () => Promise<void>) => {
    setAnchor(null);
    action().catch(error =>
      alertApi.post({
        message: `${label} failed: ${error.message ?? error}`,
        severity: 'error',
      }),
    );
  };
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={<GetAppIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? 'erd-export-menu' : undefined}
        data-testid="erd-export-menu"
        onClick={e => setAnchor(e.currentTarget)}
      >
        Export
      </Button>
      <Menu
        id="erd-export-menu"
        anchorEl={anchor}
        open={!!anchor}
        onClose={() => setAnchor(null)}
        getContentAnchorEl={null}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <ListSubheader>Image of the whole diagram</ListSubheader>
        {(['svg', 'png'] as const).map(format => (
          <MenuItem
            key={format}
            disabled={!onExportImage}
            onClick={() =>
              run(`${format.toUpperCase()} export`, () =>
                onExportImage!(format),
              )
            }
          >
            Download {format.toUpperCase()}
          </MenuItem>
        ))}
        <Divider />
        <ListSubheader>Whole ERD as a file</ListSubheader>
        {ERD_EXPORT_FORMATS.map(({ format, label }) => (
          <MenuItem
            key={format}
            onClick={() => run(`${label} export`, () => onExportFile(format))}
          >
            Download {label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
