import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  HighlightedSearchResultText,
  useSearch,
  useSearchContextCheck,
} from '@backstage/plugin-search-react';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { matchedColumns } from './matchedColumns';

/** The fields the dbt-erd search collator writes beyond title, text and location. */
interface DbtTableFields {
  entityRef?: string;
  entityTitle?: string;
  schema?: string;
  columns?: string[];
}

/** Props of {@link DbtTableSearchResultListItem}. @public */
export interface DbtTableSearchResultListItemProps {
  result?: SearchDocument;
  highlight?: ResultHighlight;
  icon?: ReactNode;
  rank?: number;
  /** The search term; read from the search context when there is one. */
  term?: string;
}

function Highlighted(props: {
  field: 'title' | 'text';
  highlight?: ResultHighlight;
  fallback: string;
}) {
  const text = props.highlight?.fields[props.field];
  if (!text || !props.highlight) return <>{props.fallback}</>;
  return (
    <HighlightedSearchResultText
      text={text}
      preTag={props.highlight.preTag}
      postTag={props.highlight.postTag}
    />
  );
}

function projectName(fields: DbtTableFields): string | undefined {
  if (fields.entityTitle) return fields.entityTitle;
  return fields.entityRef ? parseEntityRef(fields.entityRef).name : undefined;
}

function ResultView(props: DbtTableSearchResultListItemProps) {
  const { result, highlight, icon, term = '' } = props;
  if (!result) return null;
  const fields = result as SearchDocument & DbtTableFields;
  const matched = matchedColumns(fields.columns ?? [], term);
  const project = projectName(fields);
  return (
    <Box display="flex">
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <Box flexWrap="wrap">
        <ListItemText
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              <Highlighted
                field="title"
                highlight={highlight}
                fallback={result.title}
              />
            </Link>
          }
          secondary={
            <Highlighted
              field="text"
              highlight={highlight}
              fallback={result.text}
            />
          }
        />
        <Box mb={1}>
          {project && <Chip size="small" label={`dbt project: ${project}`} />}
          {fields.schema && (
            <Chip size="small" label={`schema: ${fields.schema}`} />
          )}
          {matched.map(column => (
            <Chip
              key={column}
              size="small"
              variant="outlined"
              label={`column: ${column}`}
            />
          ))}
        </Box>
      </Box>
    </Box>
  );
}

function ResultWithSearchTerm(props: DbtTableSearchResultListItemProps) {
  const { term } = useSearch();
  return <ResultView {...props} term={props.term ?? term} />;
}

/**
 * A `dbt-table` search result: the table name linking to the ERD tab
 * focused on it, its dbt project entity, its schema and the columns the
 * search term matched.
 *
 * @public
 */
export function DbtTableSearchResultListItem(
  props: DbtTableSearchResultListItemProps,
) {
  return useSearchContextCheck() ? (
    <ResultWithSearchTerm {...props} />
  ) : (
    <ResultView {...props} />
  );
}
