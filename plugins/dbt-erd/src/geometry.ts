/**
 * Plain geometry shared by the model (graph/) and the layout (layout/), so
 * that neither imports the other.
 */
export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point, Size {}
