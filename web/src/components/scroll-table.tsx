// A table that scrolls sideways inside its own box on a narrow screen, so the page itself never
// does (WCAG 1.4.10). The box is a region named by the caption and can take focus, so keyboard
// users can scroll it too.
import { useId, type ReactNode } from 'react';

export function ScrollTable({
  caption,
  captionHidden = false,
  className,
  children,
}: {
  caption: string;
  /** The caption is read out but not shown (the heading above already says it). */
  captionHidden?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className={`table${className ? ` ${className}` : ''}`}>
        <caption id={id} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
