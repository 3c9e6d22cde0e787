export { ErdToolbar } from './ErdToolbar';
