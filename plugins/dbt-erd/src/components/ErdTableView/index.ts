export { ErdTableView } from './ErdTableView';
