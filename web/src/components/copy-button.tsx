// The copy button beside every private link the product shows (the reporter's follow link, a
// one-time handover link, an invitation link), each in a read-only field so it can also be
// selected by hand. It copies, says "Copied" on itself and to screen readers, and works by
// keyboard like any button.
import { useState } from 'react';
import { useAnnounce } from './announcer.tsx';

export function CopyButton({ text, label = 'Copy link' }: { text: string; label?: string }) {
  const announce = useAnnounce();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
      announce('Copied');
    } catch {
      setCopied('failed');
      announce('Could not copy. Select the link and copy it by hand.');
    }
    window.setTimeout(() => setCopied(null), 4000);
  };
  return (
    <button type="button" className="button" onClick={() => void copy()}>
      {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy by hand' : label}
    </button>
  );
}
