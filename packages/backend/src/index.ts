/*
 * The dev backend: only what the dbt-erd plugin needs to run for real
 * (catalog, guest sign-in, permissions with an owner-only rule) plus the plugin itself, its search
 * collator (on the search backend's default in-memory engine) and the MCP
 * actions backend that offers the plugin's actions to AI agents.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
// Allows everything except compiled SQL, which is for the entity's owners.
backend.add(import('./dbtErdPermissionPolicy'));
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('backstage-plugin-search-backend-module-dbt-erd'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.add(import('backstage-plugin-dbt-erd-backend'));

backend.start();
