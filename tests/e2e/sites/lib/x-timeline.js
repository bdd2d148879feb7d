/**
 * The X fixture's home timeline (part of x.js, loaded before it), laid out as X lays out its own:
 * every tweet in a `div[data-testid="cellInnerDiv"]` with `position: absolute` and
 * `transform: translateY(<px>)`, inside a `position: relative` box whose `min-height` is the
 * height of all the cells. X measures each cell, places it under the one before, and measures
 * again when the column's width changes; so does this. (X also unmounts cells far off screen;
 * this keeps every one.)
 */
(function () {
  'use strict';

  class Timeline {
    /** @param {HTMLElement} element the timeline's box (becomes the relative container) */
    constructor(element) {
      this.element = element;
      this.inner = document.createElement('div');
      this.inner.style.cssText = 'position: relative; min-height: 0px;';
      element.append(this.inner);
      this.width = -1;
      this.resize = new ResizeObserver(() => {
        const width = this.inner.clientWidth;
        if (width !== this.width) this.place();
      });
      this.resize.observe(this.inner);
    }

    static cell(article) {
      const cell = document.createElement('div');
      cell.setAttribute('data-testid', 'cellInnerDiv');
      cell.style.cssText = 'transform: translateY(0px); position: absolute; width: 100%;';
      const wrapper = document.createElement('div');
      wrapper.append(article);
      cell.append(wrapper);
      return cell;
    }

    /** Adds cells for `articles` at the end, placed under the last one if the box is on the page. */
    append(articles) {
      const from = this.inner.childElementCount;
      this.inner.append(...articles.map(Timeline.cell));
      if (this.inner.isConnected) this.place(from);
    }

    /** Adds cells at the top and places every cell again. */
    prepend(articles) {
      this.inner.prepend(...articles.map(Timeline.cell));
      if (this.inner.isConnected) this.place();
    }

    /** Measures the cells from index `from` on and stacks them (one layout, then transforms only). */
    place(from = 0) {
      const cells = [...this.inner.children];
      this.width = this.inner.clientWidth;
      const heights = cells.slice(from).map((cell) => cell.offsetHeight);
      const previous = cells[from - 1];
      let top = previous ? previous.__relayFixtureTop + previous.offsetHeight : 0;
      cells.slice(from).forEach((cell, index) => {
        cell.__relayFixtureTop = top;
        cell.style.transform = `translateY(${top}px)`;
        top += heights[index];
      });
      this.inner.style.minHeight = `${top}px`;
    }

    destroy() {
      this.resize.disconnect();
    }
  }

  window.XFixtureParts = { ...window.XFixtureParts, Timeline };
})();
