export { JoinPathSection } from './JoinPathSection';
export type { JoinPathSectionProps } from './JoinPathSection';
