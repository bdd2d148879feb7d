/**
 * Marks over the words a hint is about, as Grammarly draws them: boxes in Relay's own shadow root,
 * placed over the editor from the text's client rects (Range.getClientRects through the adapter's
 * text mapping). The editor's DOM is only read, never changed (the sites render it from their own
 * models), and the marks take no pointer events. They follow the text on scroll, resize and
 * input; a mark whose words changed since the last check waits for the next one.
 */
import type { HintSeverity } from '../../../lib/guidelines';
import type { SiteAdapter } from '../types';

export interface Mark {
  start: number;
  end: number;
  severity: HintSeverity;
  /** The words marked, as they were when checked. */
  text: string;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How many ancestors may clip the editor (scrolling modal bodies, the page). */
const MAX_CLIP_DEPTH = 40;

function parentOf(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The part of the editor that can be seen: its box cut by every ancestor that clips and by the window. */
function visibleBox(editor: HTMLElement): Box {
  const rect = editor.getBoundingClientRect();
  const box: Box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  let node = parentOf(editor);
  for (let depth = 0; node && depth < MAX_CLIP_DEPTH; depth++, node = parentOf(node)) {
    const style = getComputedStyle(node);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const clip = node.getBoundingClientRect();
    box.left = Math.max(box.left, clip.left);
    box.top = Math.max(box.top, clip.top);
    box.right = Math.min(box.right, clip.right);
    box.bottom = Math.min(box.bottom, clip.bottom);
  }
  box.right = Math.min(box.right, innerWidth);
  box.bottom = Math.min(box.bottom, innerHeight);
  return box;
}

/**
 * The boxes of a mark, one per line it runs over: its words' rects joined on each line, so the
 * space at the end of a wrapped line (which the browser draws up to the editor's edge) is not marked.
 */
function lineBoxes(adapter: SiteAdapter, editor: HTMLElement, mark: Mark): Box[] {
  const lines: Box[] = [];
  for (const word of mark.text.matchAll(/\S+/gu)) {
    const start = mark.start + word.index;
    const range = adapter.textRange(editor, start, start + word[0].length);
    if (!range) continue;
    for (const rect of range.getClientRects()) {
      if (rect.width < 1) continue;
      const line = lines.find((box) => Math.abs(box.top - rect.top) < rect.height / 2);
      if (!line) {
        lines.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
        continue;
      }
      line.left = Math.min(line.left, rect.left);
      line.right = Math.max(line.right, rect.right);
      line.top = Math.min(line.top, rect.top);
      line.bottom = Math.max(line.bottom, rect.bottom);
    }
  }
  return lines;
}

export class EditorMarks {
  private marks: Mark[] = [];
  private frame = 0;
  private readonly resizes = new ResizeObserver(() => this.schedule());
  private readonly shadowRoot: ShadowRoot | null;

  constructor(
    private readonly layer: HTMLElement,
    private readonly editor: HTMLElement,
    private readonly adapter: SiteAdapter,
  ) {
    const options = { capture: true, passive: true };
    addEventListener('scroll', this.schedule, options);
    addEventListener('resize', this.schedule, { passive: true });
    // Scrolls inside a site's shadow root (LinkedIn's share box) don't reach the window.
    const root = editor.getRootNode();
    this.shadowRoot = root instanceof ShadowRoot ? root : null;
    this.shadowRoot?.addEventListener('scroll', this.schedule, options);
    this.resizes.observe(editor);
  }

  /** Marks these words from now on. */
  set(marks: Mark[]): void {
    this.marks = marks;
    this.draw();
  }

  /** Draws again at the next frame (the text moved). */
  readonly schedule = (): void => {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  };

  dispose(): void {
    removeEventListener('scroll', this.schedule, { capture: true });
    removeEventListener('resize', this.schedule);
    this.shadowRoot?.removeEventListener('scroll', this.schedule, { capture: true });
    this.resizes.disconnect();
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.layer.replaceChildren();
  }

  private draw(): void {
    if (this.marks.length === 0 || !this.editor.isConnected) {
      this.layer.replaceChildren();
      return;
    }
    const text = this.adapter.readText(this.editor);
    // The layer sits at the window's corner; measuring it corrects for any transformed ancestor.
    const origin = this.layer.getBoundingClientRect();
    const visible = visibleBox(this.editor);
    const boxes: HTMLElement[] = [];
    for (const mark of this.marks) {
      if (text.slice(mark.start, mark.end) !== mark.text) continue;
      for (const rect of lineBoxes(this.adapter, this.editor, mark)) {
        const left = Math.max(rect.left, visible.left);
        const right = Math.min(rect.right, visible.right);
        const top = Math.max(rect.top, visible.top);
        const bottom = Math.min(rect.bottom, visible.bottom);
        if (right - left < 1 || bottom - top < 1) continue;
        const box = document.createElement('div');
        box.className = `relay-mark relay-mark--${mark.severity}`;
        box.dataset.start = String(mark.start);
        box.dataset.end = String(mark.end);
        box.style.cssText = `left:${left - origin.left}px;top:${top - origin.top}px;width:${right - left}px;height:${bottom - top}px`;
        boxes.push(box);
      }
    }
    this.layer.replaceChildren(...boxes);
  }
}
