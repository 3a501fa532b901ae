import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/**
 * The box a table scrolls sideways in when it is wider than the window, so that the page keeps the window's
 * width. While the table does not fit, the box is a region named by the table's caption (`labelledBy`: the
 * caption's id, or the header row's for a table without one) that takes keyboard focus, to scroll with the
 * arrow keys; a table that fits adds no stop to the tab order and no landmark.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(box);
  return (
    <div
      ref={box}
      className="utrecht-table__container table-scroll"
      {...(scrolls ? { role: 'region', tabIndex: 0, 'aria-labelledby': labelledBy } : {})}
    >
      {children}
    </div>
  );
}

/** Whether the element's content is wider than the element, as its size or the content's changes. */
function useScrollsSideways(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}
