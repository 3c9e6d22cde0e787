import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The dbt-erd collator: one `dbt-table` document per table of each dbt project. */
      dbtErd?: {
        /** When to index; defaults to every 10 minutes, 3 seconds after start. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Entity refs to index. Defaults to every entity with a dbt-erd
         * annotation, the same set the dbt-erd pre-build builds.
         */
        entities?: string[];
        /**
         * Where an entity page lives in the app, with :namespace, :kind and
         * :name; the table's link is this plus `/dbt-erd?focus=<table id>`.
         * Defaults to `/catalog/:namespace/:kind/:name`.
         */
        locationTemplate?: string;
      };
    };
  };
}
