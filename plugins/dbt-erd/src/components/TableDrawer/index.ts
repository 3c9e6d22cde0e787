export { TableDrawer } from './TableDrawer';
export { useTableDetailsLoader } from './tableDetailsLoader';
