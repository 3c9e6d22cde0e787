export { TableDrawer } from './TableDrawer';
