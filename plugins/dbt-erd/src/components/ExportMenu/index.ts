export { ExportMenu } from './ExportMenu';
export { exportImage } from './exportImage';
