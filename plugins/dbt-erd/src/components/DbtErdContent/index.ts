export { DbtErdContent } from './DbtErdContent';
