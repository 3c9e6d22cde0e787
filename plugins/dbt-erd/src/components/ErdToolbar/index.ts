export { ErdToolbar } from './ErdToolbar';
export { ErdFocusBar } from './ErdFocusBar';
