import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '../test-utils/render.js';
import { MobileNav } from './mobile-nav.js';
import { BackToList } from '../pages/Inbox/back-to-list.js';

function setup() {
  render(
    <MobileNav>
      <nav aria-label="Main">
        <a href="#/inbox">Inbox</a>
        <a href="#/leads">Leads</a>
      </nav>
    </MobileNav>,
  );
  const menu = screen.getByRole('button', { name: 'Menu' });
  const panel = document.getElementById(menu.getAttribute('aria-controls')!)!;
  const isOpen = () => menu.closest('.mobile-nav')!.classList.contains('mobile-nav--open');
  return { menu, panel, isOpen };
}

describe('the phone menu', () => {
  it('opens and closes the navigation it controls, keeping the links as they are', () => {
    const { menu, panel, isOpen } = setup();
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(isOpen()).toBe(false);
    expect(panel.contains(screen.getByRole('navigation', { name: 'Main' }))).toBe(true);
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(isOpen()).toBe(true);
    expect(screen.getByRole('link', { name: 'Leads' }).getAttribute('href')).toBe('#/leads');
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes when a link is followed, also the current page', () => {
    const { menu, isOpen } = setup();
    fireEvent.click(menu);
    fireEvent.click(screen.getByRole('link', { name: 'Inbox' }));
    expect(isOpen()).toBe(false);
    expect(menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on Escape and gives the focus back to the button', () => {
    const { menu, isOpen } = setup();
    fireEvent.click(menu);
    screen.getByRole('link', { name: 'Leads' }).focus();
    fireEvent.keyDown(screen.getByRole('link', { name: 'Leads' }), { key: 'Escape' });
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(menu);
  });

  it('stays open when something else in the sidebar is clicked', () => {
    const { menu, panel, isOpen } = setup();
    fireEvent.click(menu);
    fireEvent.click(panel.querySelector('nav')!);
    expect(isOpen()).toBe(true);
  });
});

describe('back to the list', () => {
  it('links to the inbox list by name', () => {
    render(<BackToList />);
    expect(screen.getByRole('link', { name: 'Back to conversations' }).getAttribute('href')).toBe('#/inbox');
  });
});
