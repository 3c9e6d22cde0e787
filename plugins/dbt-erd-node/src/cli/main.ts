// Entry point of bin/dbt-erd when run from the sources.
import { runMain } from './runMain';

runMain();
