import type { ComponentChildren, JSX } from 'preact';

export type ViewSectionProps = JSX.HTMLAttributes<HTMLElement> & {
  /** The view's heading, where focus lands on arriving at the view (lib/archive/focus-target.ts). */
  title: string;
  children: ComponentChildren;
};

/** A tab's view: a section named by its heading. */
export function ViewSection({ title, children, ...attributes }: ViewSectionProps) {
  return (
    <section aria-labelledby="view-heading" {...attributes}>
      <h2 id="view-heading" tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
