// On a phone the sidebar folds away behind a top bar's "Menu" button; on a wider screen the bar is hidden and the
// wrapper takes no box of its own (display: contents), so the sidebar shows as it always did. See .mobile-nav in
// index.css: CSS alone decides which of the two a screen gets.
import type { ComponentChildren } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { MenuIcon } from './icons.js';
import { useT } from '../i18n/i18n.js';

export function MobileNav({ children }: { children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const t = useT();
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  return (
    <div
      class={open ? 'mobile-nav mobile-nav--open' : 'mobile-nav'}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <div class="mobile-nav__bar">
        <span class="mobile-nav__brand">LiveChat</span>
        <button
          ref={toggle}
          type="button"
          class="button button--ghost mobile-nav__toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          <MenuIcon />
          {t('nav.menu')}
        </button>
      </div>
      {/* A followed link (also the current page's) closes the menu, so the page it names shows. */}
      <div
        id={id}
        class="mobile-nav__panel"
        onClick={(e) => {
          if ((e.target as Element).closest('a')) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}
