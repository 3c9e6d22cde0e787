export { ErdDiagram } from './ErdDiagram';
export type { ErdDiagramProps } from './ErdDiagram';
