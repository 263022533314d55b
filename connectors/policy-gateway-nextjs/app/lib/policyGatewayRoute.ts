// The module the quickstart imports as "@/app/lib/policyGatewayRoute": copy this file into your
// Next.js app as app/lib/policyGatewayRoute.ts after `npm install @policy-gateway/nextjs`
// (or copy the package's src/policyGatewayRoute.ts there instead: it has no imports).
export { createPolicyGatewayRoute } from "@policy-gateway/nextjs";
export type { PolicyGatewayRouteOptions, PolicyGatewayUserOptions } from "@policy-gateway/nextjs";
