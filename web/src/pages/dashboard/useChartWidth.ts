import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * The width, in its own units, that a bar chart drawn as SVG lays itself out in. The SVG is scaled to the width
 * it has on the page: drawn `full` units wide in a phone's 340 pixels, its text would shrink to less than half
 * its size. So it is drawn as wide as it is shown, up to `full` (a wider window enlarges it, as before), and no
 * narrower than `least`, the width its labels need not to run into each other.
 */
export function useChartWidth(full: number, least: number): [RefObject<HTMLElement | null>, number] {
  const ref = useRef<HTMLElement>(null);
  const [shown, setShown] = useState<number>(full);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0) setShown(element.clientWidth);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, Math.round(Math.min(full, Math.max(least, shown)))];
}

/** Roughly how wide a label is drawn at a font size, for working out the room it needs. */
export function labelWidth(label: string, fontSize: number): number {
  return label.length * fontSize * 0.62;
}
