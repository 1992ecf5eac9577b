import { exportProgress, translationProgress } from './progress';

describe('progress', () => {
  it('maps export to the first half of the job', () => {
    expect(exportProgress(1, 3)).toEqual({ export_progress: 33.3, translation_progress: 0, total_progress: 16.7 });
    expect(exportProgress(5, 0)).toEqual({ export_progress: 100, translation_progress: 0, total_progress: 50 });
  });

  it('maps translation to the second half, and an empty translation to its start', () => {
    expect(translationProgress(3, 4)).toEqual({ export_progress: 100, translation_progress: 75, total_progress: 87.5 });
    expect(translationProgress(0, 0)).toEqual({ export_progress: 100, translation_progress: 0, total_progress: 50 });
  });

  it('never goes past 100 %', () => {
    expect(exportProgress(7, 5).total_progress).toBe(50);
    expect(translationProgress(9, 4).total_progress).toBe(100);
  });
});
