import { dagreLayout } from './dagreLayout';
import { createLayoutEngine } from './layoutEngine';
import { encodeRoutes } from './routesMessage';
import { LayoutRequest } from './types';

const request: LayoutRequest = {
  nodes: [
    { id: 'orders', width: 200, height: 100 },
    { id: 'customers', width: 180, height: 60 },
  ],
  edges: [{ id: 'e1', source: 'orders', target: 'customers' }],
  groupAreas: false,
};

/** A worker whose script fails to load: it reports an error, answers nothing. */
class FailingWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  posted = 0;
  fail() {
    this.onerror?.({
      message: '',
      preventDefault() {},
    } as unknown as ErrorEvent);
  }
  postMessage() {
    this.posted++;
  }
  terminate() {
    this.terminated = true;
  }
}

describe('the layout engine', () => {
  it('lays out on the main thread, and says so once, when the worker failed to load before any request', async () => {
    const worker = new FailingWorker();
    const onWorkerFailure = jest.fn();
    const engine = createLayoutEngine({
      createWorker: () => worker as unknown as Worker,
      onWorkerFailure,
    });
    worker.fail(); // before anyone asked: nothing pending to reject
    const first = await engine.layout(request);
    const second = await engine.layout(request);
    expect(first.positions.get('orders')).toBeDefined();
    expect(second.positions.get('customers')).toBeDefined();
    expect(worker.posted).toBe(0);
    expect(worker.terminated).toBe(true);
    expect(onWorkerFailure).toHaveBeenCalledTimes(1);
    expect(onWorkerFailure.mock.calls[0][0].message).toMatch(
      /layout worker failed to load/,
    );
  });

  it('answers a request that was waiting when the worker failed', async () => {
    const worker = new FailingWorker();
    const engine = createLayoutEngine({
      createWorker: () => worker as unknown as Worker,
    });
    const waiting = engine.layout(request);
    worker.fail();
    await expect(waiting).resolves.toMatchObject({
      positions: expect.any(Map),
    });
  });

  it('passes on a layout that throws in a working worker, without giving the worker up', async () => {
    const worker = new FailingWorker();
    const onWorkerFailure = jest.fn();
    const engine = createLayoutEngine({
      createWorker: () => worker as unknown as Worker,
      onWorkerFailure,
    });
    const answer = engine.layout(request);
    worker.onmessage?.({
      data: { id: 1, error: 'dagre: bad graph' },
    } as MessageEvent);
    await expect(answer).rejects.toThrow('dagre: bad graph');
    expect(onWorkerFailure).not.toHaveBeenCalled();
    expect(worker.terminated).toBe(false);
  });

  it("reads routes from the worker's compact message, by the request's edge ids", async () => {
    const worker = new FailingWorker();
    const engine = createLayoutEngine({
      createWorker: () => worker as unknown as Worker,
    });
    const answer = engine.layout(request);
    const { routes, ...result } = dagreLayout(request);
    expect(routes?.get('e1')?.length).toBeGreaterThan(0);
    worker.onmessage?.({
      data: { id: 1, result, routes: encodeRoutes(request.edges, routes) },
    } as MessageEvent);
    const laid = await answer;
    expect(laid.routes).toEqual(routes);
    expect(laid.positions).toEqual(result.positions);
  });
});
