// An agent that pays for ModelsLab through the Agent Control Plane MCP server, written against the
// official MCP TypeScript SDK (@modelcontextprotocol/sdk) as a coding agent's MCP host uses it, with
// nothing twin-specific in it: only the URL differs from https://modelslab.com/mcp/agents.
//
//   node agent.mjs http://127.0.0.1:PORT agent@example.com password
//
// It prints one JSON line: what it saw at each step. TypeScriptSdkAgentIT runs it and checks the line.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [baseUrl, email, password] = process.argv.slice(2);
const endpoint = new URL("/mcp/agents", baseUrl);
const seen = {};

async function connect(headers) {
  const client = new Client({ name: "typescript-billing-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(endpoint, { requestInit: { headers } }));
  return client;
}

async function call(client, tool, args) {
  const result = await client.callTool({ name: tool, arguments: args });
  return { isError: result.isError === true, answer: JSON.parse(result.content[0].text) };
}

async function restBalance(token) {
  const response = await fetch(new URL("/api/agents/v1/wallet/balance", baseUrl), {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await response.json()).data.balance;
}

// Log in without a token, as the documentation tells an agent to get its first one.
const anonymous = await connect({});
seen.server = anonymous.getServerVersion();
seen.tools = (await anonymous.listTools()).tools.map((tool) => tool.name);
const login = await call(anonymous, "agent-auth", { action: "login", email, password, device_name: "typescript-agent" });
const token = login.answer.data.access_token;
seen.loggedIn = !login.isError && typeof token === "string";
await anonymous.close();

const agent = await connect({ Authorization: `Bearer ${token}` });
seen.balanceBefore = await restBalance(token);

// Fund with a test card, then retry with the same key: the retry must not charge again.
const key = `fund-25-typescript-${Date.now()}`;
const funded = await call(agent, "agent-wallet", { action: "fund", amount: 25, payment_method_id: "pm_card_visa", idempotency_key: key });
seen.fund = { isError: funded.isError, balance: funded.answer.data?.balance, paymentIntent: funded.answer.data?.payment?.payment_intent_id };
seen.balanceAfterFund = await restBalance(token);
const replayed = await call(agent, "agent-wallet", { action: "fund", amount: 25, payment_method_id: "pm_card_visa", idempotency_key: key });
seen.replay = {
  isError: replayed.isError,
  paymentIntent: replayed.answer.data?.payment?.payment_intent_id,
  replayed: replayed.answer.meta?.idempotency_replay === true,
};
seen.balanceAfterReplay = await restBalance(token);

// A declined card is a tool error carrying the API's error.
const declined = await call(agent, "agent-wallet", { action: "fund", amount: 25, payment_method_id: "pm_card_visa_chargeDeclined" });
seen.decline = { isError: declined.isError, code: declined.answer.error?.code, declineCode: declined.answer.error?.details?.decline_code };

// Subscribe to the cheapest monthly plan, list, pause.
const plans = (await call(agent, "agent-subscriptions", { action: "list-plans" })).answer.data.subscription_plans;
const plan = plans.filter((p) => p.period === "monthly").sort((a, b) => a.price - b.price)[0];
const created = await call(agent, "agent-subscriptions", { action: "create", plan_id: plan.id, payment_method_id: "pm_card_visa" });
const subscriptionId = created.answer.data?.subscription?.id;
seen.subscription = { isError: created.isError, planId: plan.id, status: created.answer.data?.status };
const listed = await call(agent, "agent-subscriptions", { action: "list" });
seen.listedSubscriptions = listed.answer.data.map((s) => s.id);
const paused = await call(agent, "agent-subscriptions", { action: "pause", subscription_id: subscriptionId });
seen.paused = { isError: paused.isError, id: subscriptionId, status: paused.answer.data?.subscription?.status };

const tokens = await call(agent, "agent-tokens", { action: "list" });
seen.tokens = { isError: tokens.isError, names: tokens.answer.data.map((t) => t.name) };
await agent.close();

// The hosted server's other header.
const viaAgentToken = await connect({ "X-Agent-Token": token });
const balance = await call(viaAgentToken, "agent-wallet", { action: "balance" });
seen.xAgentToken = { isError: balance.isError, balance: balance.answer.data?.balance };
await viaAgentToken.close();

console.log(JSON.stringify(seen));
