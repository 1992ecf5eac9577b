export { exportProgress, translationProgress } from './progress';
export type { Progress } from './progress';
