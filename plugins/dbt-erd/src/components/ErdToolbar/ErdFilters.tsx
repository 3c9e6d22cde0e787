import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useEffect, useState } from 'react';
import {
  ERD_ALGORITHM_CHOICES,
  ERD_RESOURCE_TYPE_CHOICES,
} from 'backstage-plugin-dbt-erd-common';
import { ErdQuery } from '../../api';

// The engine's registries: a new algorithm or resource type shows up here by itself.
const RESOURCE_TYPES = ERD_RESOURCE_TYPE_CHOICES;
const ALGORITHMS = [
  { value: '', label: 'Entity default' },
  ...ERD_ALGORITHM_CHOICES,
];

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * The ERD options a user may narrow in the tab (dbterd's select, exclude,
 * resource types and algorithm). Applied on submit, as each change refetches.
 * `error` is the backend's word on filters it refused (a 400), shown here
 * so that the user can fix the term it names.
 */
export const ErdFilters = ({
  query,
  onApply,
  error,
}: {
  query: ErdQuery;
  onApply(query: ErdQuery): void;
  error?: string;
}) => {
  const [select, setSelect] = useState((query.select ?? []).join(' '));
  const [exclude, setExclude] = useState((query.exclude ?? []).join(' '));
  const [types, setTypes] = useState<string[]>(query.resourceTypes ?? []);
  const [algo, setAlgo] = useState(query.algo ?? '');
  useEffect(() => {
    setSelect((query.select ?? []).join(' '));
    setExclude((query.exclude ?? []).join(' '));
    setTypes(query.resourceTypes ?? []);
    setAlgo(query.algo ?? '');
  }, [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      select: words(select),
      exclude: words(exclude),
      resourceTypes: types,
      algo: algo || undefined,
    });
  };
  return (
    <Box
      component="form"
      onSubmit={submit}
      aria-label="ERD filters"
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 16 }}
      py={1}
    >
      <TextField
        id="erd-filter-select"
        label="Select"
        helperText="dbt selectors, space separated (e.g. +fct_orders tag:nightly)"
        error={!!error}
        size="small"
        variant="outlined"
        value={select}
        onChange={e => setSelect(e.target.value)}
      />
      <TextField
        id="erd-filter-exclude"
        label="Exclude"
        helperText="dbt selectors, space separated"
        error={!!error}
        size="small"
        variant="outlined"
        value={exclude}
        onChange={e => setExclude(e.target.value)}
      />
      <FormControl component="fieldset">
        <FormLabel component="legend">Resource types</FormLabel>
        <FormGroup row>
          {RESOURCE_TYPES.map(type => (
            <FormControlLabel
              key={type}
              label={type}
              control={
                <Checkbox
                  size="small"
                  checked={types.includes(type)}
                  onChange={(_, checked) =>
                    setTypes(t =>
                      checked ? [...t, type] : t.filter(x => x !== type),
                    )
                  }
                />
              }
            />
          ))}
        </FormGroup>
      </FormControl>
      <FormControl variant="outlined" size="small" style={{ minWidth: 200 }}>
        {/* Always shrunk: "Entity default" is a value shown for '', not an empty field. */}
        <InputLabel id="erd-algo-label" shrink>
          Algorithm
        </InputLabel>
        <Select
          labelId="erd-algo-label"
          input={<OutlinedInput notched label="Algorithm" />}
          value={algo}
          onChange={e => setAlgo(String(e.target.value))}
          displayEmpty
        >
          {ALGORITHMS.map(a => (
            <MenuItem key={a.value} value={a.value}>
              {a.label}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <Button type="submit" variant="contained" color="primary" size="small">
        Apply filters
      </Button>
      {error && (
        <FormHelperText error role="alert" style={{ flexBasis: '100%' }}>
          {error}
        </FormHelperText>
      )}
    </Box>
  );
};
