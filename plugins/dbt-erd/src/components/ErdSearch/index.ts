export { ErdSearch } from './ErdSearch';
