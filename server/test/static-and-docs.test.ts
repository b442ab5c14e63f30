import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeApp } from './helper.js';

let app: FastifyInstance;
afterEach(() => app?.close());

describe('static files', () => {
  it("serves the widget's scripts cross-origin and the dashboard at /", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-static-'));
    fs.mkdirSync(path.join(dir, 'w'));
    fs.mkdirSync(path.join(dir, 'd'));
    fs.writeFileSync(path.join(dir, 'w/widget.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'w/widget-voice.js'), 'export {}');
    fs.writeFileSync(path.join(dir, 'd/index.html'), '<!doctype html><title>Dashboard</title>');
    fs.writeFileSync(path.join(dir, 'd/widget-like.js'), 'export {}');
    app = await makeApp({ widgetDir: path.join(dir, 'w'), dashboardDir: path.join(dir, 'd') });
    const widget = await app.inject({ url: '/widget.js', headers: { origin: 'https://customer.example' } });
    expect(widget.statusCode).toBe(200);
    expect(widget.headers['access-control-allow-origin']).toBe('*');
    expect(widget.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(widget.headers['content-type']).toContain('javascript');
    // A chunk the panel imports on first use loads cross-origin too; a dashboard file of a similar name does not.
    const chunk = await app.inject({
      url: '/widget-voice.js',
      headers: { origin: 'https://customer.example' },
    });
    expect(chunk.headers['access-control-allow-origin']).toBe('*');
    const lookalike = await app.inject({ url: '/widget-like.js' });
    expect(lookalike.statusCode).toBe(200);
    expect(lookalike.headers['access-control-allow-origin']).toBeUndefined();
    const index = await app.inject({ url: '/' });
    expect(index.body).toContain('<title>Dashboard</title>');
    expect(index.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers unknown routes with a catalogued 404 body', async () => {
    app = await makeApp();
    const res = await app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('OpenAPI', () => {
  it('documents every dashboard and admin route, generated from the zod schemas', async () => {
    app = await makeApp();
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/agents/',
      '/api/agents/{id}',
      '/api/agents/{id}/avatar',
      '/api/agents/{id}/invite',
      '/api/audit',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/colleagues/',
      '/api/contacts',
      '/api/contacts/{id}',
      '/api/contacts/{id}/attributes',
      '/api/contacts/{id}/crm',
      '/api/contacts/{id}/details',
      '/api/contacts/{id}/export',
      '/api/contacts/{id}/merge',
      '/api/contacts/{id}/notes',
      '/api/contacts/{id}/notes/{noteId}',
      '/api/contacts/{id}/tags',
      '/api/conversations/',
      '/api/conversations/counts',
      '/api/conversations/{id}',
      '/api/conversations/{id}/activities',
      '/api/conversations/{id}/assign',
      '/api/conversations/{id}/assignee',
      '/api/conversations/{id}/close',
      '/api/conversations/{id}/close-options',
      '/api/conversations/{id}/contact-notes',
      '/api/conversations/{id}/details',
      '/api/conversations/{id}/files',
      '/api/conversations/{id}/gallery',
      '/api/conversations/{id}/lead',
      '/api/conversations/{id}/messages',
      '/api/conversations/{id}/notes',
      '/api/conversations/{id}/read',
      '/api/conversations/{id}/reads',
      '/api/conversations/{id}/records',
      '/api/conversations/{id}/reopen',
      '/api/conversations/{id}/tags',
      '/api/conversations/{id}/unread',
      '/api/conversations/{id}/visitor-context',
      '/api/health',
      '/api/invites/{token}',
      '/api/me/availability',
      '/api/me/avatar',
      '/api/me/password',
      '/api/me/profile',
      '/api/me/settings',
      '/api/ready',
      '/api/records',
      '/api/records.csv',
      '/api/saved-replies/',
      '/api/saved-replies/{id}',
      '/api/sites/',
      '/api/sites/{id}',
      '/api/sites/{id}/business-hours',
      '/api/sites/{id}/closing-messages',
      '/api/sites/{id}/closing-messages/{messageId}',
      '/api/sites/{id}/files',
      '/api/sites/{id}/identity-secret',
      '/api/sites/{id}/installation',
      '/api/sites/{id}/playbook',
      '/api/sites/{id}/sms',
      '/api/sms/account',
      '/api/sms/numbers',
      '/api/sms/senders',
      '/api/teams/',
      '/api/teams/{id}',
      '/api/unread',
      '/api/webhooks/',
      '/api/webhooks/{id}',
      '/api/webhooks/{id}/deliveries',
      '/api/webhooks/{id}/deliveries/{deliveryId}/retry',
      '/api/widget/files',
      '/api/widget/{siteKey}/status',
      '/files/{id}',
    ]);
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect((await app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
