import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ProblemError, problemResponse } from '../../problem';
import { hasEncodedControl, pathGuard } from './index';

describe('pathGuard', () => {
  const app = new Hono();
  app.onError((error, c) => (error instanceof ProblemError ? problemResponse(c, error) : c.text('unexpected', 500)));
  app.use(pathGuard());
  app.get('/items/:id', (c) => c.json({ id: c.req.param('id') }));

  it('answers 404 for every encoded C0 control, DEL and C1 control in a path', async () => {
    const controls = [
      ...Array.from({ length: 0x20 }, (_, code) => code),
      0x7f,
      ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
    ];
    for (const code of controls) {
      const encoded = encodeURIComponent(String.fromCharCode(code));
      const response = await app.request(`/items/a${encoded}b`);
      expect(response.status, encoded).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await response.json()) as { type: string }).type).toMatch(/not-found$/);
    }
    expect(hasEncodedControl('/items/%0A')).toBe(true);
    expect(hasEncodedControl('/items/%c2%9b')).toBe(true);
  });

  it('lets every other path through, encoded percent signs and other UTF-8 included', async () => {
    for (const id of ['plain', '%2500', '%C3%A9t%C3%A9', '%E2%80%AE', '%20space', '%zz']) {
      const response = await app.request(`/items/${id}`);
      expect(response.status, id).toBe(200);
    }
    expect(((await (await app.request('/items/%2500')).json()) as { id: string }).id).toBe('%00');
  });
});
