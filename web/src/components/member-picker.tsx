// "Who is it about?": a combobox that finds members of the community as you type (the ARIA 1.2
// combobox pattern with a listbox popup: arrow keys move through the suggestions, Enter picks,
// Escape closes), with free text as the fallback — whatever is typed and not picked is kept as a
// name or handle, which an organizer can link to a member later. Without a search (the public
// form) it is a plain text field.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MemberMatch } from '../api.ts';
import { describedBy, HintAndError } from './field-parts.tsx';

export interface PickedMember {
  userId: string;
  displayName: string;
}

export function MemberPicker({
  id,
  label,
  hint,
  error,
  text,
  onText,
  picked,
  onPick,
  search,
}: {
  id: string;
  label: string;
  hint: string;
  error?: string;
  text: string;
  onText: (text: string) => void;
  picked: PickedMember | null;
  onPick: (member: PickedMember | null) => void;
  /** Finds a few members by name; absent on the public form. */
  search?: (q: string) => Promise<MemberMatch[]>;
}) {
  const listId = `${useId()}-members`;
  const [options, setOptions] = useState<MemberMatch[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const asked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  /** Asks for members a moment after typing stops; only the latest answer is shown. */
  const lookUp = (typed: string) => {
    clearTimeout(timer.current);
    const n = ++asked.current;
    const q = typed.trim();
    if (!search || q.length < 2) {
      setOptions([]);
      setOpen(false);
      setStatus('');
      return;
    }
    timer.current = setTimeout(() => {
      search(q)
        .then((found) => {
          if (n !== asked.current) return;
          setOptions(found);
          setOpen(found.length > 0);
          setActive(-1);
          setStatus(
            found.length === 0
              ? 'No member found by that name. What you typed is kept as their name.'
              : `${found.length} ${found.length === 1 ? 'member' : 'members'} found. Use the arrow keys to choose.`,
          );
        })
        .catch(() => {
          if (n === asked.current) setStatus('');
        });
    }, 250);
  };

  const choose = (m: MemberMatch) => {
    onPick({ userId: m.userId, displayName: m.displayName });
    onText(m.displayName);
    setOpen(false);
    setActive(-1);
    setStatus(`${m.displayName} chosen.`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!search) return;
    if (e.key === 'ArrowDown' && options.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (e.key === 'ArrowUp' && options.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      const m = options[active];
      if (m) choose(m);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  if (!search) {
    return (
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <HintAndError id={id} hint={hint} error={error} />
        <input
          id={id}
          name={id}
          className="input"
          value={text}
          onChange={(e) => onText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          autoComplete="off"
        />
      </div>
    );
  }

  return (
    <div className={`field member-picker${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        name={id}
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        value={text}
        onChange={(e) => {
          onText(e.target.value);
          if (picked) onPick(null);
          lookUp(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        autoComplete="off"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Members found"
        className="member-options"
        hidden={!open}
      >
        {options.map((m, i) => (
          <li
            key={m.userId}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'member-option member-option-active' : 'member-option'}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(m);
            }}
          >
            {m.displayName}
          </li>
        ))}
      </ul>
      {picked ? (
        <p className="hint" id={`${id}-picked`}>
          {picked.displayName} is a member here: the organizers can see earlier concerns about them,
          and a call-in can reach them in the app.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onPick(null);
              onText('');
              lookUp('');
            }}
          >
            Choose someone else
          </button>
        </p>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
