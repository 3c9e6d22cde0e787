export { ExportMenu } from './ExportMenu';
export { exportScale, exportWholeDiagram } from './exportImage';
