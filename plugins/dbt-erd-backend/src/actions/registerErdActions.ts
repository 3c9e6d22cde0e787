import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerDescribeTableAction } from './describeTableAction';
import { registerFindJoinPathAction } from './findJoinPathAction';
import { registerGetErdSummaryAction } from './getErdSummaryAction';
import { ErdActionsContext } from './readEntityErd';

/**
 * The plugin's actions (ids `dbt-erd:<name>`), listed and invoked at
 * /api/dbt-erd/.backstage/actions/v1/actions and, through the MCP actions
 * backend, offered to AI agents as tools.
 */
export function registerErdActions(
  actionsRegistry: ActionsRegistryService,
  context: ErdActionsContext,
) {
  registerGetErdSummaryAction(actionsRegistry, context);
  registerDescribeTableAction(actionsRegistry, context);
  registerFindJoinPathAction(actionsRegistry, context);
}
