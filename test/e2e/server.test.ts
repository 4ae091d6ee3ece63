/** The static server the browser tests and the bench serve the workbench build from. */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { serveDirectory } from './support/server';

function get(url: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('serveDirectory', () => {
  let parent: string;
  let dir: string;

  beforeAll(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-serve-'));
    dir = path.join(parent, 'build');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'workbench.html'), '<p>workbench</p>');
    fs.writeFileSync(path.join(parent, 'outside.txt'), 'secret');
  });

  afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

  it('serves the directory on 127.0.0.1 with content types, and nothing outside it', async () => {
    const server = await serveDirectory(dir);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await get(`${server.url}workbench.html`)).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<p>workbench</p>' });
      expect((await get(`${server.url}missing.js`)).status).toBe(404);
      expect((await get(`${server.url}..%2Foutside.txt`)).status).toBe(403);
      expect((await get(`${server.url}workbench.html`, 'POST')).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});
