export { ErdView } from './ErdView';
