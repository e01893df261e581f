/** Series colours: distinguishable, and readable on white (Tableau 10). */
export const PALETTE: readonly string[] = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** The colour of the n-th series. */
export function colorAt(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#4e79a7';
}
