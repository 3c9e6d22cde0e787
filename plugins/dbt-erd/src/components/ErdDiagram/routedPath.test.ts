import { Position } from '@xyflow/react';
import { dagreLayout } from '../../layout/dagreLayout';
import { ROUTE_STUB, routedPath } from './routedPath';

/** The end points of the path's pieces, and points sampled along them. */
function parse(path: string) {
  const numbers = path.match(/-?[\d.]+/g)!.map(Number);
  const start: [number, number] = [numbers[0], numbers[1]];
  const pieces: number[][] = [];
  for (let i = 2; i + 5 < numbers.length; i += 6)
    pieces.push(numbers.slice(i, i + 6));
  return { start, pieces };
}

function sample(path: string, perPiece = 20): Array<[number, number]> {
  const { start, pieces } = parse(path);
  const out: Array<[number, number]> = [start];
  let from = start;
  for (const [x1, y1, x2, y2, x, y] of pieces) {
    for (let k = 1; k <= perPiece; k++) {
      const t = k / perPiece;
      const u = 1 - t;
      out.push([
        u * u * u * from[0] +
          3 * u * u * t * x1 +
          3 * u * t * t * x2 +
          t ** 3 * x,
        u * u * u * from[1] +
          3 * u * u * t * y1 +
          3 * u * t * t * y2 +
          t ** 3 * y,
      ]);
    }
    from = [x, y];
  }
  return out;
}

describe('routedPath', () => {
  const source = { x: 0, y: 10, position: Position.Right };
  const target = { x: 300, y: 50, position: Position.Left };

  it('goes from the source handle through every bend point to the target handle', () => {
    const [path] = routedPath(source, [100, 0, 200, 80], target);
    const { start, pieces } = parse(path);
    expect(start).toEqual([0, 10]);
    const ends = pieces.map(p => [p[4], p[5]]);
    expect(ends).toEqual([
      [ROUTE_STUB, 10],
      // level with the handle until out of its column (see corner)
      [100, 10],
      [100, 0],
      [200, 80],
      [200, 50],
      [300 - ROUTE_STUB, 50],
      [300, 50],
    ]);
  });

  it('bends straight to a point behind the handle, without a level bend', () => {
    const [path] = routedPath(source, [10, 60], target);
    const ends = parse(path).pieces.map(p => [p[4], p[5]]);
    expect(ends).toEqual([
      [ROUTE_STUB, 10],
      [10, 60],
      [10, 50],
      [300 - ROUTE_STUB, 50],
      [300, 50],
    ]);
  });

  it('leaves and enters the handles straight out of their side', () => {
    const [path] = routedPath(source, [100, 0, 200, 80], target);
    const { pieces } = parse(path);
    // The first control point lies on the handle's horizontal line, to its right.
    expect(pieces[0][1]).toBe(10);
    expect(pieces[0][0]).toBeGreaterThan(0);
    const last = pieces[pieces.length - 1];
    expect(last[3]).toBe(50);
    expect(last[2]).toBeLessThan(300);
  });

  it('puts the label on the middle bend point', () => {
    expect(routedPath(source, [100, 0, 150, 40, 200, 80], target)).toEqual([
      expect.any(String),
      150,
      40,
    ]);
    expect(routedPath(source, [100, 0, 200, 80], target).slice(1)).toEqual([
      100, 0,
    ]);
  });
});

describe('routed relationship lines', () => {
  it('pass around a table they do not connect, where a straight line would cross it', () => {
    // a → b → c in a row, and a → c: a line straight from a to c crosses b.
    const size = { width: 120, height: 60 };
    const request = {
      nodes: ['a', 'b', 'c'].map(id => ({ id, ...size })),
      edges: [
        { id: 'ab', source: 'a', target: 'b' },
        { id: 'bc', source: 'b', target: 'c' },
        { id: 'ac', source: 'a', target: 'c' },
      ],
      groupAreas: false,
      aspectRatio: 4,
    };
    const layout = dagreLayout(request);
    const rect = (id: string) => ({ ...layout.positions.get(id)!, ...size });
    const inside = (r: ReturnType<typeof rect>, [x, y]: [number, number]) =>
      x > r.x && x < r.x + r.width && y > r.y && y < r.y + r.height;
    for (const edge of request.edges) {
      const route = layout.routes?.get(edge.id);
      expect(route).toBeDefined();
      const from = rect(edge.source);
      const to = rect(edge.target);
      const [path] = routedPath(
        {
          x: from.x + from.width,
          y: from.y + from.height / 2,
          position: Position.Right,
        },
        route!,
        { x: to.x, y: to.y + to.height / 2, position: Position.Left },
      );
      const others = request.nodes
        .filter(n => n.id !== edge.source && n.id !== edge.target)
        .map(n => rect(n.id));
      for (const point of sample(path))
        for (const other of others) expect(inside(other, point)).toBe(false);
    }
  });
});
