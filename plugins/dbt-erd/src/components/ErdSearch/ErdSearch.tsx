import InputAdornment from '@material-ui/core/InputAdornment';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import SearchIcon from '@material-ui/icons/Search';
import {
  KeyboardEvent,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { SearchEntry, SearchIndex, searchErd } from '../../graph/searchIndex';

const useStyles = makeStyles(theme => ({
  root: { position: 'relative', width: 320 },
  results: {
    position: 'absolute',
    top: '100%',
    left: 0,
    right: 0,
    zIndex: theme.zIndex.modal,
    maxHeight: 360,
    overflow: 'auto',
  },
  kind: { color: theme.palette.text.secondary, fontSize: 11, marginLeft: 8 },
  // The name searched for is never cut; the secondary part gives way.
  line: { display: 'flex', alignItems: 'baseline', minWidth: 0 },
  label: { flexShrink: 0, maxWidth: '100%', overflowWrap: 'anywhere' },
  detail: {
    color: theme.palette.text.secondary,
    fontSize: 12,
    marginLeft: 8,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
}));

/** True when the key press is meant for a text field, not for the shortcut. */
function typingElsewhere(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' ||
      el.tagName === 'TEXTAREA' ||
      el.isContentEditable)
  );
}

export interface ErdSearchProps {
  index: SearchIndex;
  onPick(entry: SearchEntry): void;
}

/**
 * Keyboard-first search over tables and columns: `/` or Ctrl+K focuses it,
 * arrows move through the results, Enter picks, Escape clears. A WAI-ARIA
 * combobox with a listbox popup.
 */
export const ErdSearch = ({ index, onPick }: ErdSearchProps) => {
  const classes = useStyles();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const deferredQuery = useDeferredValue(query);
  const results = useMemo(
    () => searchErd(index, deferredQuery),
    [index, deferredQuery],
  );

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const ctrlK =
        (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !typingElsewhere(event.target);
      if (ctrlK || slash) {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const pick = (entry: SearchEntry) => {
    onPick(entry);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive(a => Math.min(a + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(a => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && results[active]) {
      event.preventDefault();
      pick(results[active]);
    } else if (event.key === 'Escape') {
      setQuery('');
      setOpen(false);
    }
  };

  const expanded = open && query.trim().length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className={classes.root}>
      <TextField
        inputRef={inputRef}
        value={query}
        onChange={e => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        variant="outlined"
        size="small"
        fullWidth
        placeholder="Search tables and columns ( / )"
        inputProps={{
          'data-testid': 'erd-search',
          'aria-label': 'Search tables and columns',
          role: 'combobox',
          'aria-expanded': expanded,
          'aria-controls': listId,
          'aria-autocomplete': 'list',
          'aria-activedescendant':
            expanded && results[active] ? optionId(active) : undefined,
        }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
      />
      {expanded && (
        <Paper className={classes.results} elevation={4}>
          <List dense id={listId} role="listbox" aria-label="Search results">
            {results.length === 0 && (
              <ListItem role="option" aria-selected={false} aria-disabled>
                <ListItemText primary="No table or column matches" />
              </ListItem>
            )}
            {results.map((entry, i) => (
              <ListItem
                key={`${entry.kind}:${entry.column ?? ''}:${entry.tableId}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                selected={i === active}
                button
                onMouseDown={e => e.preventDefault()}
                onClick={() => pick(entry)}
              >
                <ListItemText
                  primary={
                    <span
                      className={classes.line}
                      title={`${entry.label} · ${entry.detail}`}
                    >
                      <span className={classes.label}>{entry.label}</span>
                      <span className={classes.detail}>
                        {entry.kind === 'column'
                          ? `in ${entry.detail}`
                          : entry.detail}
                      </span>
                      <span className={classes.kind}>{entry.kind}</span>
                    </span>
                  }
                />
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
    </div>
  );
};
