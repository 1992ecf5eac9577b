/** The job-events `ArtifactStore` on the shared Redis (also used by the retention sweep to delete artifacts). */
export const ARTIFACT_STORE = Symbol('ARTIFACT_STORE');
