export { JoinPathSection, useJoinPathStyles } from './JoinPathSection';
export type { JoinPathSectionProps } from './JoinPathSection';
export { diagramJoinPath, ShowJoinPathContext } from './joinPathInDiagram';
export type { DiagramJoinPath } from './joinPathInDiagram';
