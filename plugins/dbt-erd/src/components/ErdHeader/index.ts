export { ErdHeader } from './ErdHeader';
