/**
 * The sites' display settings, marked the way the real sites mark them (composers.md, and what
 * extensions that follow these sites' themes read):
 *
 * - LinkedIn: classes on <html>, `theme theme--mercado` when light, `theme theme--dark
 *   theme--dark-lix theme--mercado-dark` when dark. (The unknown generation has none.)
 * - X: the body's inline background colour, rgb(255, 255, 255) (Default), rgb(21, 32, 43) (Dim) or
 *   rgb(0, 0, 0) (Lights out), and the root's `color-scheme`.
 *
 * The page's own colours come from custom properties (--li-*, --x-*) on <html>, which reach into
 * LinkedIn's shadow root. A page starts in `window.__fixtureTheme` (set by a test before load;
 * default light); `window.FixtureThemes.apply(site, name)` switches it live, as the site's setting does.
 */
(function () {
  'use strict';

  const LINKEDIN_CLASSES = {
    light: ['theme', 'theme--mercado'],
    dark: ['theme', 'theme--dark', 'theme--dark-lix', 'theme--mercado-dark'],
  };
  const LINKEDIN_PALETTES = {
    light: {},
    dark: {
      '--li-page': '#000000',
      '--li-surface': '#1b1f23',
      '--li-text': 'rgba(255, 255, 255, 0.9)',
      '--li-muted': 'rgba(255, 255, 255, 0.6)',
      '--li-border': '#38434f',
      '--li-primary': '#71b7fb',
      '--li-on-primary': '#000000',
      '--li-disabled': '#38434f',
      '--li-on-disabled': 'rgba(255, 255, 255, 0.5)',
      '--li-brand': '#71b7fb',
      '--li-avatar': '#38434f',
    },
  };
  const X_PAGES = { light: 'rgb(255, 255, 255)', dim: 'rgb(21, 32, 43)', lightsout: 'rgb(0, 0, 0)' };
  const X_PALETTES = {
    light: { '--x-mask': 'rgba(0, 0, 0, 0.4)' },
    dim: {
      '--x-page': 'rgb(21, 32, 43)',
      '--x-text': '#f7f9f9',
      '--x-muted': '#8b98a5',
      '--x-border': '#38444d',
      '--x-avatar': '#38444d',
      '--x-strong': '#eff3f4',
      '--x-on-strong': '#0f1419',
      '--x-mask': 'rgba(91, 112, 131, 0.4)',
      '--x-link': '#1d9bf0',
    },
    lightsout: {
      '--x-page': 'rgb(0, 0, 0)',
      '--x-text': '#e7e9ea',
      '--x-muted': '#71767b',
      '--x-border': '#2f3336',
      '--x-avatar': '#333639',
      '--x-strong': '#eff3f4',
      '--x-on-strong': '#0f1419',
      '--x-mask': 'rgba(91, 112, 131, 0.4)',
      '--x-link': '#1d9bf0',
    },
  };

  const ALL_PROPERTIES = [...Object.values(LINKEDIN_PALETTES), ...Object.values(X_PALETTES)].flatMap(Object.keys);

  function palette(properties) {
    const root = document.documentElement;
    for (const name of ALL_PROPERTIES) root.style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) root.style.setProperty(name, value);
  }

  function apply(site, name) {
    const root = document.documentElement;
    if (site === 'linkedin') {
      const classes = LINKEDIN_CLASSES[name];
      if (!classes) throw new Error(`unknown LinkedIn theme ${name}`);
      root.classList.remove(...new Set(Object.values(LINKEDIN_CLASSES).flat()));
      root.classList.add(...classes);
      palette(LINKEDIN_PALETTES[name]);
      return;
    }
    const page = X_PAGES[name];
    if (!page) throw new Error(`unknown X theme ${name}`);
    palette(X_PALETTES[name]);
    root.style.colorScheme = name === 'light' ? 'light' : 'dark';
    document.body.style.backgroundColor = page;
  }

  /** The theme the test asked for (or light), applied as the page starts, before any composer opens. */
  function initial(site, { markers = true } = {}) {
    const wanted = window.__fixtureTheme;
    const name = site === 'x' && wanted === 'dark' ? 'dim' : wanted || 'light';
    if (markers) apply(site, name);
    else if (name !== 'light') palette(LINKEDIN_PALETTES[name] ?? {});
  }

  window.FixtureThemes = { apply, initial };
})();
