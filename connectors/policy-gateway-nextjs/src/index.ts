export {
  createPolicyGatewayRoute,
  DEFAULT_BASE_URL,
  DEFAULT_USER_HEADERS,
  GATEWAY_ONLY_FIELDS,
} from "./policyGatewayRoute";
export type {
  PolicyGatewayErrorBody,
  PolicyGatewayRouteHandler,
  PolicyGatewayRouteOptions,
  PolicyGatewayUserOptions,
} from "./policyGatewayRoute";
