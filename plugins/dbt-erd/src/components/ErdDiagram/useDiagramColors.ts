import { useTheme } from '@material-ui/core/styles';
import { useMemo } from 'react';

/** The Backstage theme's colours as the diagram uses them (light and dark). */
export function useDiagramColors() {
  const theme = useTheme();
  const { palette } = theme;
  return useMemo(
    () => ({
      dark: palette.type === 'dark',
      background: palette.background.default,
      paper: palette.background.paper,
      text: palette.text.primary,
      textSecondary: palette.text.secondary,
      border: palette.divider,
      header: palette.type === 'dark' ? palette.grey[800] : palette.grey[100],
      edge: palette.type === 'dark' ? palette.grey[500] : palette.grey[600],
      edgeLabel: palette.text.secondary,
      highlight: palette.secondary.main,
      focus: palette.primary.main,
      primaryKey:
        palette.type === 'dark' ? palette.warning.light : palette.warning.dark,
      foreignKey:
        palette.type === 'dark' ? palette.info.light : palette.info.dark,
      group:
        palette.type === 'dark' ? 'rgba(255,255,255,0.04)' : 'rgba(0,0,0,0.03)',
    }),
    [palette],
  );
}
