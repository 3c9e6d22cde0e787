import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ErdCatalogLink,
  ErdNodeDetails,
} from 'backstage-plugin-dbt-erd-common';

const LinkList = ({ links }: { links: ErdCatalogLink[] }) => (
  <>
    {links.map((link, i) => (
      <span key={`${link.via}:${link.entityRef}`}>
        {i > 0 && ', '}
        <EntityRefLink entityRef={link.entityRef} />{' '}
        <Typography variant="caption" color="textSecondary" component="span">
          ({link.via})
        </Typography>
      </span>
    ))}
  </>
);

/**
 * Rows of the drawer's facts list linking the table to Backstage catalog
 * entities: who owns it (dbt group, meta.owner) and the entities its dbt
 * exposures name. Nothing when the engine found no such link.
 */
export const CatalogLinks = ({ details }: { details?: ErdNodeDetails }) => {
  const owners = details?.owners ?? [];
  const exposures = details?.exposureEntities ?? [];
  return (
    <>
      {owners.length > 0 && (
        <>
          <dt>Owner</dt>
          <dd data-testid="erd-drawer-owners">
            <LinkList links={owners} />
          </dd>
        </>
      )}
      {exposures.length > 0 && (
        <>
          <dt>Used by</dt>
          <dd data-testid="erd-drawer-exposure-entities">
            <LinkList links={exposures} />
          </dd>
        </>
      )}
    </>
  );
};
