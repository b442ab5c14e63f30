import type { UpdateSiteBody } from '@livechat/shared/api';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, mockFetch } from '../../test-utils/fetch-mock.js';
import { mockClipboard } from '../../test-utils/clipboard-mock.js';
import { agent, site } from '../../test-utils/fixtures.js';
import { fieldError } from '../../test-utils/field-error.js';
import { EmbedPage } from './embed-page.js';

function setup() {
  const http = mockFetch({
    'GET /api/sites': () => ({ body: { sites: [site()] } }),
    'PATCH /api/sites/site-1': (call) => ({ body: { site: site(call.body as UpdateSiteBody) } }),
  });
  render(<EmbedPage agent={agent()} />);
  const patches = () => http.calls.filter((c) => c.method === 'PATCH').map((c) => c.body);
  return { http, patches };
}

const origins = () =>
  within(screen.getByRole('list', { name: 'Allowed origins' }))
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('.origins__value')!.textContent);

describe('EmbedPage', () => {
  it("shows the site's snippet with its key and this server's URL, and copies it", async () => {
    const { writeText } = mockClipboard();
    setup();
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Embed snippet' });
    expect(box.readOnly).toBe(true);
    expect(box.value).toContain(
      `<script async src="${location.origin}/widget.js" data-site-key="demo-site-key"></script>`,
    );
    expect(box.value).toContain('window.LiveChat=window.LiveChat||function()');

    fireEvent.click(screen.getByRole('button', { name: 'Copy snippet' }));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(box.value);
  });

  it('adds and removes allowed origins through PATCH', async () => {
    const { patches } = setup();
    await screen.findByRole('list', { name: 'Allowed origins' });
    expect(origins()).toEqual(['http://localhost:8080']);

    fireEvent.input(screen.getByRole('textbox', { name: 'Allowed origin' }), {
      target: { value: 'https://Shop.Example.com/' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add origin' }));
    await waitFor(() => expect(origins()).toEqual(['http://localhost:8080', 'https://shop.example.com']));
    expect(patches()).toEqual([{ allowedOrigins: ['http://localhost:8080', 'https://shop.example.com'] }]);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Allowed origin' }).value).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Remove http://localhost:8080' }));
    await waitFor(() => expect(origins()).toEqual(['https://shop.example.com']));
    expect(patches().at(-1)).toEqual({ allowedOrigins: ['https://shop.example.com'] });
  });

  it('refuses an invalid origin next to the field without saving', async () => {
    const { patches } = setup();
    const input = await screen.findByRole('textbox', { name: 'Allowed origin' });
    fireEvent.input(input, { target: { value: 'shop.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add origin' }));
    await waitFor(() => expect(fieldError(input)).toBe('Enter an origin like https://example.com.'));
    expect(patches()).toEqual([]);
    // Typing again clears the message about the old value.
    fireEvent.input(input, { target: { value: 'https://shop.example.com' } });
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps only the origin of an address pasted with a path', async () => {
    const { patches } = setup();
    const input = await screen.findByRole('textbox', { name: 'Allowed origin' });
    fireEvent.input(input, { target: { value: 'https://shop.example.com/products?x=1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add origin' }));
    await waitFor(() => expect(origins()).toEqual(['http://localhost:8080', 'https://shop.example.com']));
    expect(patches()).toEqual([{ allowedOrigins: ['http://localhost:8080', 'https://shop.example.com'] }]);
  });

  it("shows the server's refusal of an origin next to the field, in its words", async () => {
    mockFetch({
      'GET /api/sites': () => ({ body: { sites: [site()] } }),
      'PATCH /api/sites/site-1': () => ({
        status: 400,
        body: {
          error: {
            code: 'invalid_request',
            message: 'The request is invalid.',
            details: [
              { path: 'body.allowedOrigins.1', message: 'Enter an origin like https://example.com.' },
            ],
          },
        },
      }),
    });
    render(<EmbedPage agent={agent()} />);
    const input = await screen.findByRole('textbox', { name: 'Allowed origin' });
    fireEvent.input(input, { target: { value: 'https://ok.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add origin' }));
    await waitFor(() => expect(fieldError(input)).toBe('Enter an origin like https://example.com.'));
    expect(document.body.textContent).not.toMatch(/request is invalid|body\./);
  });

  it("shows the server's refusal of a removal", async () => {
    mockFetch({
      'GET /api/sites': () => ({ body: { sites: [site()] } }),
      'PATCH /api/sites/site-1': () => apiError(403, 'forbidden', 'Only admins can change sites.'),
    });
    render(<EmbedPage agent={agent()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove http://localhost:8080' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Only admins can change sites.');
    expect(origins()).toEqual(['http://localhost:8080']);
  });
});
