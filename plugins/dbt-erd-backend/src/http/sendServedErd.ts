import { Request, Response } from 'express';
import { ServedErd } from '../services/ServedErds';

/**
 * Sends a prepared ERD: 304 when the browser already has this version
 * (Express's `req.fresh`: If-None-Match as browsers and proxies send it, a
 * list or weak tags included; a `Cache-Control: no-cache` request, a hard
 * reload, always gets the body),
 * the stored gzip bytes when it accepts gzip (every browser does), the
 * plain JSON otherwise. Nothing is serialised, hashed or compressed here.
 */
export function sendServedErd(req: Request, res: Response, erd: ServedErd) {
  res.setHeader('ETag', erd.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type('application/json');
  if (req.acceptsEncodings('gzip') === 'gzip') {
    res.setHeader('Content-Encoding', 'gzip');
    res.end(erd.gzip);
  } else {
    res.end(erd.json);
  }
}
