import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ConsoleService } from './console.service';

function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

/**
 * The console's files, mounted at `APP_ROOT/console` (so `req.path` is relative to it). Only GET and HEAD;
 * anything else, and any unknown name, goes on to the API's 404. `APP_ROOT/console` redirects to `console/`
 * so the page's relative URLs resolve inside the folder (and behind a proxy that adds a path prefix).
 */
export function consoleHandler(service: ConsoleService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const [fullPath, query] = splitUrl(req.originalUrl);
    if (req.path === '/' && !fullPath.endsWith('/')) return res.redirect(302, `console/${query}`);
    if (req.path === '/config.json') {
      res.setHeader('Cache-Control', 'no-cache');
      return res.status(200).json(service.config);
    }
    const asset = service.asset(req.path === '/' ? 'index.html' : req.path.slice(1));
    if (asset === null) return next();
    res.status(200).setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', 'no-cache');
    return res.send(asset.body);
  };
}
